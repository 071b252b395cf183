import { describe, expect, it } from 'vitest';
import { sessionCookieFrom } from '../../../../main/core/sources/whatanime/session-cookie';
import { useNekodeskHome } from '../helpers';

function headers(...setCookies: string[]): Headers {
  const result = new Headers();
  for (const value of setCookies) result.append('set-cookie', value);
  return result;
}

describe('sessionCookieFrom', () => {
  useNekodeskHome();

  it("keeps better-auth's session token without its attributes", () => {
    expect(
      sessionCookieFrom(headers('better-auth.session_token=abc.def%3D; Path=/; HttpOnly; SameSite=Lax')),
    ).toBe('better-auth.session_token=abc.def%3D');
  });

  it('keeps every cookie set with it, and the __Secure- form', () => {
    expect(
      sessionCookieFrom(
        headers('__Secure-better-auth.session_token=t1; Secure', 'better-auth.session_data=d1; Max-Age=300'),
      ),
    ).toBe('__Secure-better-auth.session_token=t1; better-auth.session_data=d1');
  });

  it('returns null without a session token, or when it is being cleared', () => {
    expect(sessionCookieFrom(headers('theme=dark'))).toBeNull();
    expect(sessionCookieFrom(headers('better-auth.session_token=; Max-Age=0'))).toBeNull();
    expect(sessionCookieFrom(headers('better-auth.session_token=x; Max-Age=0'))).toBeNull();
    expect(sessionCookieFrom(new Headers())).toBeNull();
  });
});
