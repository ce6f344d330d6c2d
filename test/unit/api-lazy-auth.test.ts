import { lazyAuthentication } from '../../api/auth/lazy';
import { TokenError } from '../../api/auth/verifier';

describe('lazyAuthentication', () => {
  test('development mode: demo tokens verify with the verifier made in the background', async () => {
    const auth = lazyAuthentication({ mode: 'development' });
    expect(auth.mode).toBe('development');
    const tokens = (await auth.development?.demoTokens()) ?? [];
    const officer = tokens.find((t) => t.sub === 'officer.dc');
    expect(await auth.verifier.verify(officer?.token ?? '')).toMatchObject({
      sub: 'officer.dc',
      role: 'caseOfficer',
      body: 'disciplineCommission',
    });
    const minted = await auth.development?.mint({ sub: 'operator', role: 'operator' });
    expect(await auth.verifier.verify(minted ?? '')).toMatchObject({ sub: 'operator', role: 'operator' });
  });

  test('a token from another key is refused', async () => {
    const one = lazyAuthentication({ mode: 'development' });
    const other = lazyAuthentication({ mode: 'development' });
    const token = await other.development?.mint({ sub: 'operator', role: 'operator' });
    await expect(one.verifier.verify(token ?? '')).rejects.toBeInstanceOf(TokenError);
  });
});
