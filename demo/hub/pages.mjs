/**
 * The Hub's own pages (login, consent, new password, activation, logout), server-rendered,
 * Dutch first with English when the browser or the client asks for it. No inline script or
 * style: one stylesheet, and a CSP that forbids everything else.
 */
import { passwordRuleBroken } from './passwords.mjs';
import { alertNote, documentShell, esc } from './html.mjs';

const MESSAGES = {
  nl: {
    hub: 'ANVA Hub',
    loginTitle: 'Inloggen',
    loginIntro: (client) => `Log in om verder te gaan naar de website van ${client}.`,
    email: 'E-mailadres',
    password: 'Wachtwoord',
    showPassword: 'Wachtwoord tonen',
    forgotLink: 'Wachtwoord vergeten?',
    forgotTitle: 'Wachtwoord vergeten',
    forgotIntro:
      'Vul het e-mailadres van uw account in. U ontvangt dan een e-mail met een link waarmee u een nieuw wachtwoord kiest.',
    forgotSend: 'Link versturen',
    forgotSentTitle: 'Kijk in uw e-mail',
    forgotSent: (email) =>
      `Hoort het e-mailadres ${email} bij een account, dan ontvangt u binnen enkele minuten een e-mail met een link. De link werkt één uur. Geen e-mail ontvangen? Kijk ook bij uw ongewenste e-mail.`,
    backToLogin: 'Terug naar inloggen',
    viaHub: 'via ANVA Hub',
    signIn: 'Inloggen',
    cancel: 'Annuleren',
    badLogin: 'Het e-mailadres of wachtwoord is onjuist.',
    lockedOut: 'Te veel mislukte pogingen. Wacht een paar minuten en probeer het dan opnieuw.',
    consentTitle: 'Toestemming geven',
    consentIntro: (client) =>
      `De website van ${client} vraagt toegang tot uw gegevens bij ANVA Hub.`,
    consentWho: (client, origin) =>
      `Als u toestemming geeft, mag de website van ${client} (${origin}) het volgende inzien:`,
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
    consentNote: 'U geeft deze toestemming één keer; ze geldt tot u haar intrekt.',
    consentWithdraw: (broker, how) =>
      `Intrekken kan altijd: vraag het ${broker}${how ? ` (${how})` : ''}. De website ziet uw gegevens dan direct niet meer. Uw verzekeringen lopen gewoon door.`,
    or: 'of',
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
    activateButton: 'Account activeren',
    savePassword: 'Wachtwoord opslaan',
    resetTitle: 'Kies een nieuw wachtwoord',
    resetIntro: (email) => `Kies een nieuw wachtwoord voor uw account ${email}.`,
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
    passwordSavedTitle: 'Uw nieuwe wachtwoord is opgeslagen',
    passwordSavedText: 'U kunt nu inloggen met uw e-mailadres en uw nieuwe wachtwoord.',
    signInAt: (client) => `Inloggen bij ${client}`,
    linkInvalidTitle: 'Deze link werkt niet meer',
    linkInvalidText:
      'De activatielink is ongeldig, verlopen of al gebruikt. Vraag uw adviseur om een nieuwe link.',
    linkUsedText:
      'Deze link is al gebruikt: uw wachtwoord is ingesteld. U kunt inloggen met uw e-mailadres en wachtwoord.',
    linkReplacedText:
      'Er is een nieuwere link verstuurd; alleen de nieuwste link werkt. Kijk in uw e-mail, of log in als u uw wachtwoord al heeft gekozen.',
    linkExpiredText: 'Deze link is verlopen. Log in als u uw wachtwoord al heeft gekozen.',
    linkAskAdviser: (broker, how) =>
      `Lukt het niet? Vraag ${broker} om een nieuwe link${how ? `: ${how}` : ''}.`,
    linkAskAnyAdviser: 'Lukt het niet? Vraag uw adviseur om een nieuwe link.',
    accessRevokedText: (broker, how) =>
      `Uw toegang is stopgezet door ${broker}. Wilt u weer toegang? Neem contact op met ${broker}${how ? `: ${how}` : ''}.`,
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
    loginIntro: (client) => `Sign in to continue to the website of ${client}.`,
    email: 'Email address',
    password: 'Password',
    showPassword: 'Show password',
    forgotLink: 'Forgot your password?',
    forgotTitle: 'Forgot your password',
    forgotIntro:
      'Enter the email address of your account. You will receive an email with a link to choose a new password.',
    forgotSend: 'Send link',
    forgotSentTitle: 'Check your email',
    forgotSent: (email) =>
      `If the email address ${email} belongs to an account, you will receive an email with a link within a few minutes. The link works for one hour. No email? Also check your spam folder.`,
    backToLogin: 'Back to sign in',
    viaHub: 'via ANVA Hub',
    signIn: 'Sign in',
    cancel: 'Cancel',
    badLogin: 'The email address or password is incorrect.',
    lockedOut: 'Too many failed attempts. Wait a few minutes and try again.',
    consentTitle: 'Give permission',
    consentIntro: (client) => `The website of ${client} asks for access to your data at ANVA Hub.`,
    consentWho: (client, origin) =>
      `If you allow it, the website of ${client} (${origin}) may see:`,
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
    consentNote: 'You give this permission once; it holds until you withdraw it.',
    consentWithdraw: (broker, how) =>
      `You can withdraw it at any time: ask ${broker}${how ? ` (${how})` : ''}. The website then stops seeing your data at once. Your insurance policies continue as before.`,
    or: 'or',
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
    activateButton: 'Activate account',
    savePassword: 'Save password',
    resetTitle: 'Choose a new password',
    resetIntro: (email) => `Choose a new password for your account ${email}.`,
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
    passwordSavedTitle: 'Your new password has been saved',
    passwordSavedText: 'You can now sign in with your email address and your new password.',
    signInAt: (client) => `Sign in at ${client}`,
    linkInvalidTitle: 'This link no longer works',
    linkInvalidText:
      'The activation link is invalid, expired or already used. Ask your adviser for a new link.',
    linkUsedText:
      'This link has already been used: your password is set. You can sign in with your email address and password.',
    linkReplacedText:
      'A newer link has been sent; only the newest link works. Check your email, or sign in if you have already chosen your password.',
    linkExpiredText: 'This link has expired. Sign in if you have already chosen your password.',
    linkAskAdviser: (broker, how) =>
      `Still stuck? Ask ${broker} for a new link${how ? `: ${how}` : ''}.`,
    linkAskAnyAdviser: 'Still stuck? Ask your adviser for a new link.',
    accessRevokedText: (broker, how) =>
      `Your access was stopped by ${broker}. Want access again? Contact ${broker}${how ? `: ${how}` : ''}.`,
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

/**
 * The policy of every Hub page: the Hub's own stylesheets only, and its own scripts only on
 * pages with a password field (the show-password switch); forms may post to the Hub and
 * redirect on to the clients.
 */
export function pageCsp(formTargets, { script = false } = {}) {
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    `script-src ${script ? "'self'" : "'none'"}`,
    `form-action 'self' ${[...formTargets].join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * The page header: the website's name and logo when the page belongs to one (the broker the
 * customer knows), with ANVA Hub named as the service behind it; else ANVA Hub alone.
 */
function brandHeader(t, brand, assetsBase) {
  if (!brand) {
    return `<p class="brand"><img src="${assetsBase}/icons/hub.svg" alt="" width="28" height="28"> ${t.hub}</p>`;
  }
  const logo = brand.logo ? `<img src="${esc(brand.logo)}" alt="" width="36" height="36">` : '';
  return `<p class="brand broker">${logo}<span><span class="broker-name">${esc(brand.name)}</span> <span class="via">${t.viaHub}</span></span></p>`;
}

/** A full page. `body` is trusted HTML built with `esc` for every value. */
export function layout({ lang, title, body, assetsBase, brand, script = false }) {
  const t = messages(lang);
  const brandSheet = brand?.stylesheet
    ? `<link rel="stylesheet" href="${esc(brand.stylesheet)}">\n`
    : '';
  const passwordScript = script ? `<script src="${assetsBase}/password.js" defer></script>\n` : '';
  return documentShell({
    lang,
    title: `${title} – ${brand?.name ?? t.hub}`,
    referrer: 'no-referrer',
    head: `<link rel="stylesheet" href="${assetsBase}/hub.css">
${brandSheet}<link rel="icon" href="${assetsBase}/icons/hub.svg" type="image/svg+xml">
${passwordScript}`,
    body: `<main class="card">
${brandHeader(t, brand, assetsBase)}
<h1 id="title">${esc(title)}</h1>
${body}
</main>`,
  });
}

/**
 * A password input; assets/password.js adds a show-password switch beside it (without
 * scripts the field works as always).
 */
const passwordField = (t, { id, label, autocomplete, extra = '' }) =>
  `<label for="${id}">${label}</label>
<span class="password-field" data-show-label="${esc(t.showPassword)}"><input id="${id}" name="${id}" type="password" autocomplete="${autocomplete}" required${extra}></span>`;

export function loginPage({ lang, clientName, action, abortAction, forgotHref, email, error }) {
  const t = messages(lang);
  return {
    title: t.loginTitle,
    script: true,
    body: `<p>${esc(t.loginIntro(clientName))}</p>
${alertNote(error)}
<form method="post" action="${esc(action)}" class="stack">
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${esc(email)}">
${passwordField(t, { id: 'password', label: t.password, autocomplete: 'current-password' })}
<p class="aside"><a href="${esc(forgotHref)}">${t.forgotLink}</a></p>
<button type="submit" class="primary">${t.signIn}</button>
</form>
<form method="post" action="${esc(abortAction)}"><button type="submit" class="link">${t.cancel}</button></form>`,
  };
}

/** *Wachtwoord vergeten?*: the e-mail form, or (after sending) the same answer for every address. */
export function forgotPage({ lang, action, backHref, email, sentTo, error }) {
  const t = messages(lang);
  if (sentTo !== undefined) {
    return {
      title: t.forgotSentTitle,
      body: `<p role="status">${esc(t.forgotSent(sentTo))}</p>
<p><a class="button secondary" href="${esc(backHref)}">${t.backToLogin}</a></p>`,
    };
  }
  return {
    title: t.forgotTitle,
    body: `<p>${t.forgotIntro}</p>
${alertNote(error)}
<form method="post" action="${esc(action)}" class="stack">
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${esc(email)}">
<button type="submit" class="primary">${t.forgotSend}</button>
</form>
<p class="aside"><a href="${esc(backHref)}">${t.backToLogin}</a></p>`,
  };
}

/** How to reach a broker, in words: "e-mail or phone". */
export const reachText = (lang, broker) =>
  [broker?.email, broker?.phone].filter(Boolean).join(` ${messages(lang).or} `);

export function consentPage({
  lang,
  clientName,
  brokers = [],
  origin,
  broker,
  email,
  items,
  action,
  denyAction,
}) {
  const t = messages(lang);
  const brokerList = new Intl.ListFormat(lang, { type: 'conjunction' }).format(brokers);
  return {
    title: t.consentTitle,
    body: `<p><strong>${esc(t.consentIntro(clientName))}</strong></p>
${brokers.length ? `<p>${esc(t.consentBroker(brokerList, brokers.length))}</p>` : ''}
<p>${esc(t.consentWho(clientName, origin))}</p>
<ul class="checks">${items.map((item) => `<li>${esc(t.consentItems[item])}</li>`).join('')}</ul>
<p class="muted">${esc(t.consentAs(email))} ${t.consentNote}</p>
<p class="muted">${esc(t.consentWithdraw(broker?.name ?? clientName, reachText(lang, broker)))}</p>
<div class="actions">
<form method="post" action="${esc(action)}"><button type="submit" class="primary">${t.allow}</button></form>
<form method="post" action="${esc(denyAction)}"><button type="submit" class="secondary">${t.deny}</button></form>
</div>`,
  };
}

const PASSWORD_PAGES = {
  activate: (t, email) => ({
    title: t.activateTitle,
    intro: t.activateIntro(email),
    button: t.activateButton,
  }),
  reset: (t, email) => ({
    title: t.resetTitle,
    intro: t.resetIntro(email),
    button: t.savePassword,
  }),
  temporary: (t) => ({
    title: t.newPasswordTitle,
    intro: t.newPasswordIntro,
    button: t.savePassword,
  }),
};

/**
 * The new-password form: `activate` (activation link), `reset` (reset link) or `temporary`
 * (first login with a temporary password).
 */
export function passwordPage({ lang, mode, email, action, error }) {
  const t = messages(lang);
  const { title, intro, button } = PASSWORD_PAGES[mode](t, email);
  return {
    title,
    script: true,
    body: `<p>${esc(intro)}</p>
${alertNote(error)}
<form method="post" action="${esc(action)}" class="stack">
<input type="email" name="username" autocomplete="username" value="${esc(email)}" hidden readonly>
${passwordField(t, { id: 'password', label: t.newPassword, autocomplete: 'new-password', extra: ' minlength="8" autofocus aria-describedby="password-hint"' })}
<p id="password-hint" class="hint">${t.passwordHint}</p>
${passwordField(t, { id: 'repeat', label: t.repeatPassword, autocomplete: 'new-password', extra: ' minlength="8"' })}
<button type="submit" class="primary">${button}</button>
</form>`,
  };
}

export function messagePage({ lang, title, text, link, linkText, note, details }) {
  return {
    title,
    body: `<p>${esc(text)}</p>
${link ? `<p><a class="button primary" href="${esc(link)}">${esc(linkText)}</a></p>` : ''}
${note ? `<p class="muted">${esc(note)}</p>` : ''}
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
