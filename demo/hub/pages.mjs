/**
 * The Hub's own pages (login, consent, new password, activation, logout), server-rendered,
 * Dutch first with English when the browser or the client asks for it. No inline script or
 * style: one stylesheet, and a CSP that forbids everything else.
 */
import { passwordRuleBroken } from './passwords.mjs';

const MESSAGES = {
  nl: {
    hub: 'ANVA Hub',
    loginTitle: 'Inloggen',
    loginIntro: (client) => `Log in om verder te gaan naar ${client}.`,
    email: 'E-mailadres',
    password: 'Wachtwoord',
    signIn: 'Inloggen',
    cancel: 'Annuleren',
    badLogin: 'Het e-mailadres of wachtwoord is onjuist.',
    lockedOut: 'Te veel mislukte pogingen. Wacht een paar minuten en probeer het dan opnieuw.',
    consentTitle: 'Toestemming geven',
    consentIntro: (client) => `${client} vraagt toegang tot uw gegevens bij ANVA Hub.`,
    consentMayRead: 'Deze website mag het volgende inzien:',
    consentBroker: (brokers, count) =>
      `Deze website is van ${brokers}. Alleen uw ${count === 1 ? 'dossier bij dit kantoor wordt' : 'dossiers bij deze kantoren worden'} gedeeld.`,
    consentItems: {
      dossier: 'uw polissen en de gegevens in uw klantdossier',
      profile: 'uw naam',
      email: 'uw e-mailadres',
      account: 'uw accountgegevens, uw adviseur en wat u mag doen',
      offline: 'ingelogd blijven terwijl u de website gebruikt',
    },
    consentAs: (email) => `U bent ingelogd als ${email}.`,
    consentNote: 'U geeft deze toestemming één keer. Uw adviseur kan de toegang altijd intrekken.',
    allow: 'Toestaan',
    deny: 'Weigeren',
    newPasswordTitle: 'Kies een nieuw wachtwoord',
    newPasswordIntro:
      'U bent ingelogd met een tijdelijk wachtwoord. Kies een eigen wachtwoord om verder te gaan.',
    activateTitle: 'Account activeren',
    activateIntro: (email) => `Kies een wachtwoord voor uw account ${email}.`,
    newPassword: 'Nieuw wachtwoord',
    repeatPassword: 'Herhaal wachtwoord',
    passwordHint: 'Minimaal 8 tekens; geen veelgebruikt wachtwoord en niet uw e-mailadres.',
    resetPassword: 'Wachtwoord resetten',
    passwordTooShort: 'Het wachtwoord moet minimaal 8 tekens lang zijn.',
    passwordMismatch: 'De wachtwoorden zijn niet gelijk.',
    passwordTooLong: 'Het wachtwoord mag hoogstens 256 tekens lang zijn.',
    passwordCommon:
      'Dit wachtwoord komt voor in lijsten van veelgebruikte of gelekte wachtwoorden. Kies een ander wachtwoord.',
    passwordIsEmail: 'Het wachtwoord mag niet gelijk zijn aan uw e-mailadres.',
    temporaryExpired:
      'Uw tijdelijke wachtwoord is verlopen. Vraag uw adviseur om een nieuwe uitnodiging.',
    activatedTitle: 'Uw account is geactiveerd',
    activatedText:
      'Uw nieuwe wachtwoord is opgeslagen. U kunt nu inloggen met uw e-mailadres en dit wachtwoord.',
    backToSite: 'Terug naar de website',
    linkInvalidTitle: 'Deze link werkt niet meer',
    linkInvalidText:
      'De activatielink is ongeldig, verlopen of al gebruikt. Vraag uw adviseur om een nieuwe link.',
    logoutTitle: 'Uitloggen',
    logoutText: 'Wilt u uitloggen bij ANVA Hub?',
    logoutYes: 'Ja, uitloggen',
    logoutNo: 'Nee, ingelogd blijven',
    logoutFromClient: (client) =>
      `U bent uitgelogd bij ${client}. Wilt u ook uitloggen bij ANVA Hub?`,
    logoutHubYes: 'Ja, ook bij ANVA Hub uitloggen',
    logoutHubNo: 'Nee, bij ANVA Hub ingelogd blijven',
    loggingOutText: 'U wordt uitgelogd bij ANVA Hub.',
    loggingOutButton: 'Uitloggen',
    loggedOutTitle: 'U bent uitgelogd',
    loggedOutText: 'U bent uitgelogd bij ANVA Hub. U kunt dit venster sluiten.',
    errorTitle: 'Er ging iets mis',
    errorText:
      'Het verzoek kon niet worden verwerkt. Ga terug naar de website en probeer het opnieuw.',
    errorDetails: 'Technische details',
  },
  en: {
    hub: 'ANVA Hub',
    loginTitle: 'Sign in',
    loginIntro: (client) => `Sign in to continue to ${client}.`,
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    cancel: 'Cancel',
    badLogin: 'The email address or password is incorrect.',
    lockedOut: 'Too many failed attempts. Wait a few minutes and try again.',
    consentTitle: 'Give permission',
    consentIntro: (client) => `${client} asks for access to your data at ANVA Hub.`,
    consentMayRead: 'This website may see:',
    consentBroker: (brokers, count) =>
      `This website belongs to ${brokers}. Only your ${count === 1 ? 'file at this office is' : 'files at these offices are'} shared.`,
    consentItems: {
      dossier: 'your policies and the data in your customer file',
      profile: 'your name',
      email: 'your email address',
      account: 'your account details, your adviser and what you may do',
      offline: 'keep you signed in while you use the website',
    },
    consentAs: (email) => `You are signed in as ${email}.`,
    consentNote: 'You give this permission once. Your adviser can withdraw access at any time.',
    allow: 'Allow',
    deny: 'Deny',
    newPasswordTitle: 'Choose a new password',
    newPasswordIntro:
      'You signed in with a temporary password. Choose your own password to continue.',
    activateTitle: 'Activate your account',
    activateIntro: (email) => `Choose a password for your account ${email}.`,
    newPassword: 'New password',
    repeatPassword: 'Repeat password',
    passwordHint: 'At least 8 characters; not a common password and not your email address.',
    resetPassword: 'Reset password',
    passwordTooShort: 'The password must be at least 8 characters long.',
    passwordMismatch: 'The passwords are not the same.',
    passwordTooLong: 'The password may be at most 256 characters long.',
    passwordCommon:
      'This password appears in lists of common or leaked passwords. Choose another password.',
    passwordIsEmail: 'The password must not be the same as your email address.',
    temporaryExpired: 'Your temporary password has expired. Ask your adviser for a new invitation.',
    activatedTitle: 'Your account has been activated',
    activatedText:
      'Your new password has been saved. You can now sign in with your email address and this password.',
    backToSite: 'Back to the website',
    linkInvalidTitle: 'This link no longer works',
    linkInvalidText:
      'The activation link is invalid, expired or already used. Ask your adviser for a new link.',
    logoutTitle: 'Sign out',
    logoutText: 'Do you want to sign out of ANVA Hub?',
    logoutYes: 'Yes, sign out',
    logoutNo: 'No, stay signed in',
    logoutFromClient: (client) =>
      `You have signed out of ${client}. Do you also want to sign out of ANVA Hub?`,
    logoutHubYes: 'Yes, also sign out of ANVA Hub',
    logoutHubNo: 'No, stay signed in to ANVA Hub',
    loggingOutText: 'You are being signed out of ANVA Hub.',
    loggingOutButton: 'Sign out',
    loggedOutTitle: 'You have signed out',
    loggedOutText: 'You have signed out of ANVA Hub. You can close this window.',
    errorTitle: 'Something went wrong',
    errorText: 'The request could not be processed. Go back to the website and try again.',
    errorDetails: 'Technical details',
  },
};

/**
 * `ui_locales` of the authorization request first, then Accept-Language; Dutch unless English
 * is preferred over Dutch.
 * @returns {'nl' | 'en'}
 */
export function pickLanguage(acceptLanguage, uiLocales) {
  const first =
    String(uiLocales ?? '')
      .trim()
      .split(/\s+/)[0]
      ?.toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('nl')) return 'nl';
  let best = { lang: 'nl', q: -1 };
  for (const part of String(acceptLanguage ?? '').split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
    const lang = tag.split('-')[0];
    if ((lang === 'nl' || lang === 'en') && q > best.q) best = { lang, q };
  }
  return /** @type {'nl' | 'en'} */ (best.lang);
}

export const messages = (lang) => MESSAGES[lang] ?? MESSAGES.nl;

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values. */
export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * The policy of every Hub page; forms may post to the Hub and redirect on to the clients.
 * `script`: the page runs one of the Hub's own script files (the logout page's auto-submit).
 */
export function pageCsp(formTargets, { script = false } = {}) {
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    script ? "script-src 'self'" : "script-src 'none'",
    `form-action 'self' ${[...formTargets].join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** A full page. `body` is trusted HTML built with `esc` for every value. */
export function layout({ lang, title, body, assetsBase }) {
  const t = messages(lang);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} – ${t.hub}</title>
<link rel="stylesheet" href="${assetsBase}/hub.css">
<link rel="icon" href="${assetsBase}/icons/hub.svg" type="image/svg+xml">
</head>
<body>
<main class="card">
<p class="brand"><img src="${assetsBase}/icons/hub.svg" alt="" width="28" height="28"> ${t.hub}</p>
<h1 id="title">${esc(title)}</h1>
${body}
</main>
</body>
</html>`;
}

const alert = (text) => (text ? `<p class="alert" role="alert">${esc(text)}</p>` : '');

export function loginPage({ lang, clientName, action, abortAction, email, error }) {
  const t = messages(lang);
  return {
    title: t.loginTitle,
    body: `<p>${esc(t.loginIntro(clientName))}</p>
${alert(error)}
<form method="post" action="${esc(action)}" class="stack">
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${esc(email)}">
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" class="primary">${t.signIn}</button>
</form>
<form method="post" action="${esc(abortAction)}"><button type="submit" class="link">${t.cancel}</button></form>`,
  };
}

export function consentPage({ lang, clientName, brokers = [], email, items, action, denyAction }) {
  const t = messages(lang);
  const brokerList = new Intl.ListFormat(lang, { type: 'conjunction' }).format(brokers);
  return {
    title: t.consentTitle,
    body: `<p><strong>${esc(t.consentIntro(clientName))}</strong></p>
${brokers.length ? `<p>${esc(t.consentBroker(brokerList, brokers.length))}</p>` : ''}
<p>${t.consentMayRead}</p>
<ul class="checks">${items.map((item) => `<li>${esc(t.consentItems[item])}</li>`).join('')}</ul>
<p class="muted">${esc(t.consentAs(email))} ${t.consentNote}</p>
<div class="actions">
<form method="post" action="${esc(action)}"><button type="submit" class="primary">${t.allow}</button></form>
<form method="post" action="${esc(denyAction)}"><button type="submit" class="secondary">${t.deny}</button></form>
</div>`,
  };
}

/** The new-password form, for activation links and for a first login with a temporary password. */
export function passwordPage({ lang, mode, email, action, error }) {
  const t = messages(lang);
  return {
    title: mode === 'activate' ? t.activateTitle : t.newPasswordTitle,
    body: `<p>${esc(mode === 'activate' ? t.activateIntro(email) : t.newPasswordIntro)}</p>
${alert(error)}
<form method="post" action="${esc(action)}" class="stack">
<input type="email" name="username" autocomplete="username" value="${esc(email)}" hidden readonly>
<label for="password">${t.newPassword}</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="8" required autofocus aria-describedby="password-hint">
<p id="password-hint" class="hint">${t.passwordHint}</p>
<label for="repeat">${t.repeatPassword}</label>
<input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="8" required>
<button type="submit" class="primary">${t.resetPassword}</button>
</form>`,
  };
}

export function messagePage({ lang, title, text, link, linkText, details }) {
  return {
    title,
    body: `<p>${esc(text)}</p>
${link ? `<p><a class="button primary" href="${esc(link)}">${esc(linkText)}</a></p>` : ''}
${
  details
    ? `<details><summary>${messages(lang).errorDetails}</summary><pre>${esc(details)}</pre></details>`
    : ''
}`,
  };
}

/**
 * The logout page; `form` is oidc-provider's hidden form, submitted by the buttons. `sure`: the
 * website proved the customer's sign-out (a valid `id_token_hint`), so the Hub session ends
 * without a question: `logout.js` presses the one button (by hand without JavaScript).
 * Otherwise one question whose both answers are true: "no" still signs out of the website
 * named by `clientName`, only the Hub session stays.
 */
export function logoutPage({ lang, form, sure, clientName, assetsBase }) {
  const t = messages(lang);
  const button = (label, yes, kind) =>
    `<button type="submit" class="${kind}" form="op.logoutForm"${yes ? ' name="logout" value="yes" autofocus' : ''}>${label}</button>`;
  if (sure)
    return {
      title: t.logoutTitle,
      body: `<p>${t.loggingOutText}</p>
${form}
<div class="actions">${button(t.loggingOutButton, true, 'primary')}</div>
<script src="${assetsBase}/logout.js"></script>`,
    };
  const [question, yes, no] = clientName
    ? [esc(t.logoutFromClient(clientName)), t.logoutHubYes, t.logoutHubNo]
    : [t.logoutText, t.logoutYes, t.logoutNo];
  return {
    title: t.logoutTitle,
    body: `<p>${question}</p>
${form}
<div class="actions">
${button(yes, true, 'primary')}
${button(no, false, 'secondary')}
</div>`,
  };
}

/** Validates a chosen password (rules in passwords.mjs); returns an error message or undefined. */
export function passwordProblem(lang, password, repeat, email) {
  const broken = passwordRuleBroken(password, repeat, email);
  return broken && messages(lang)[broken];
}
