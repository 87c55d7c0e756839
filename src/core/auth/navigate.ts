/** Leaving the page for the Hub: a plain navigation, or a POST form so that no token is in an address bar. */

/** Opens `url`; with `fields`, as a POST form with those fields (OpenID Connect RP-Initiated Logout 1.0 allows POST). */
export function openPage(url: string, fields?: Record<string, string>): void {
  if (!fields) return location.assign(url);
  const form = document.createElement('form');
  form.method = 'post';
  form.action = url;
  form.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}
