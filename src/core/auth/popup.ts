/** Sign-in in a popup (`login-mode="popup"`): the popup hands the Hub's answer to its opener. */

/** The popup's window name: how a page knows it is our sign-in popup. */
const NAME = 'anva-widgets-signin';
const MESSAGE = 'anva-widgets:signin-response';

/** Opens the (still empty) popup; call before any await, while the click counts as a user gesture. */
export function openPopup(): Window | null {
  const left = Math.max(0, screenX + (outerWidth - 500) / 2);
  const top = Math.max(0, screenY + (outerHeight - 650) / 2);
  return window.open('', NAME, `popup,width=500,height=650,left=${left},top=${top}`);
}

/** In our popup, back from the Hub: posts the answer to the opener, which closes us. */
export function answerOpener(): boolean {
  const params = new URL(location.href).searchParams;
  const opener = window.opener as Window | null;
  if (
    window.name !== NAME ||
    !opener ||
    opener === window ||
    !params.has('state') ||
    !(params.has('code') || params.has('error'))
  )
    return false;
  opener.postMessage({ type: MESSAGE, url: location.href }, location.origin);
  return true;
}

/** The address the popup came back with, or undefined when the customer closed it. */
export function popupAnswer(popup: Window, gone: () => boolean): Promise<string | undefined> {
  return new Promise((resolve) => {
    const onMessage = ({
      origin,
      source,
      data,
    }: MessageEvent<{ type?: unknown; url?: unknown }>) => {
      if (
        origin === location.origin &&
        source === popup &&
        data?.type === MESSAGE &&
        typeof data.url === 'string'
      )
        done(data.url);
    };
    const timer = setInterval(() => (popup.closed || gone()) && done(undefined), 500);
    const done = (url: string | undefined) => {
      clearInterval(timer);
      removeEventListener('message', onMessage);
      popup.close();
      resolve(url);
    };
    addEventListener('message', onMessage);
  });
}
