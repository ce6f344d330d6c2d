"""Schemathesis hooks of `npm run test:fuzz` (tools/fuzz.ts)."""

import re
import uuid

import schemathesis

IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9._:-]{1,200}$")


@schemathesis.hook
def before_call(context, case, kwargs):
    """A fresh Idempotency-Key for each request that has a well-formed one.

    Generated keys repeat ("0", "A"), and the API rightly answers a reused key with a different body 422, which
    would hide what the request itself gets. Malformed or missing keys are left as generated: they must get 400.
    """
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() == "idempotency-key" and isinstance(value, str) and IDEMPOTENCY_KEY.match(value):
            headers[name] = f"fuzz-{uuid.uuid4()}"


@schemathesis.check
def token_required(ctx, response, case):
    """A request without a bearer token to an operation that declares one is answered 401, whatever else it sends."""
    if not case.operation.definition.raw.get("security", [{}]):
        return None
    if "authorization" in {name.lower() for name in response.request.headers}:
        return None
    if response.status_code != 401:
        raise AssertionError(f"served without a token: {response.status_code} instead of 401")
    return None
