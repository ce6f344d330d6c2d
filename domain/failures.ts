/**
 * The failure types a case answers refusals with. The workflow raises them, the API maps them to HTTP answers (403,
 * 409), and neither needs the other's code for it.
 */

/** An action the case's stage does not open now; answered 409 with the stage and what is allowed now. */
export const STAGE_CONFLICT = 'StageConflict';
/** An actor whose role, body or assignment may not take the action; answered 403. */
export const NOT_PERMITTED = 'NotPermitted';
/** Input the procedure refuses whatever the stage (a quorum not met, say); answered 409. */
export const INVALID_ACTION = 'InvalidAction';
/** A message that did not come through the API (not sealed, another case's, a copy); refused and recorded. */
export const FOREIGN_MESSAGE = 'ForeignMessage';
/** A case started other than by the API: it fails at once and never becomes a case. */
export const FOREIGN_START = 'ForeignStart';
