/**
 * Whether this browser was signed in when the header last asked: only that, never who. Pages the same for
 * everyone are cached, so the header learns who is signed in after the page shows; until it does, a signed-in
 * person would see "登录" for a moment. The inline script below runs before the page paints and marks the
 * page, and CSS then keeps the sign-in link's place empty until the header knows (without JavaScript it shows).
 */
export const accountHintKey = 'azjb.signedIn';

export const accountHintScript = `try{if(localStorage.getItem('${accountHintKey}'))document.documentElement.dataset.signedIn='1'}catch(e){}`;

/** Called by the header once the session is known. */
export function rememberSignedIn(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(accountHintKey, '1');
    else localStorage.removeItem(accountHintKey);
  } catch {}
  if (signedIn) document.documentElement.dataset.signedIn = '1';
  else delete document.documentElement.dataset.signedIn;
}
