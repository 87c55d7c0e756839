/**
 * The broker console's pages, server-rendered in the Hub's style: no script, no inline style.
 * Every value goes through `esc`; forms carry the session's CSRF token.
 */
import { consoleText } from './console-text.mjs';
import { alertNote, documentShell, esc } from './html.mjs';

const BASE = '/beheer';

const dateTime = (lang, iso) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));

/** A table that may scroll sideways on a phone: reachable and scrollable by keyboard. */
const scrollable = (label) => `role="region" tabindex="0" aria-label="${esc(label)}"`;

const csrfField = (csrf) => `<input type="hidden" name="csrf" value="${esc(csrf)}">`;

/** A POST button in its own small form. */
const postButton = ({ action, csrf, label, kind = 'secondary', describedBy }) =>
  `<form method="post" action="${esc(action)}">${csrfField(csrf)}<button type="submit" class="${kind}"${describedBy ? ` aria-describedby="${describedBy}"` : ''}>${esc(label)}</button></form>`;

function header(t, user, csrf, query = '') {
  if (!user) {
    return `<header class="topbar"><p class="brand"><img src="/assets/icons/hub.svg" alt="" width="28" height="28"> ${t.product} <span class="area">${t.area}</span></p></header>`;
  }
  return `<header class="topbar">
<p class="brand"><img src="/assets/icons/hub.svg" alt="" width="28" height="28"> ${t.product} <span class="area">${t.area}</span></p>
<form class="search" role="search" method="get" action="${BASE}/relaties">
<label for="q" class="visually-hidden">${t.search}</label>
<input id="q" name="q" type="search" value="${esc(query)}" placeholder="${esc(t.search)}" aria-describedby="q-hint">
<span id="q-hint" class="visually-hidden">${t.searchHint}</span>
<button type="submit" class="primary">${t.searchButton}</button>
</form>
<div class="user"><span>${esc(t.signedInAs(user.name, user.role, user.organizationName))}</span>
${postButton({ action: `${BASE}/uitloggen`, csrf, label: t.signOut, kind: 'link' })}</div>
</header>`;
}

function nav(t, user, current) {
  const items = [
    ['relaties', t.contacts],
    ['e-mails', t.outbox],
    ...(user.role === 'Organisatie-beheerder' ? [['activiteit', t.activity]] : []),
  ];
  return `<nav class="side" aria-label="${t.nav}"><ul>${items
    .map(
      ([path, label]) =>
        `<li><a href="${BASE}/${path}"${path === current ? ' aria-current="page"' : ''}>${label}</a></li>`,
    )
    .join('')}</ul></nav>`;
}

/** A full console page; with `dialog`, the page stays visible but inert behind the dialog. */
export function consoleLayout({ lang, title, body, user, csrf, current, query, dialog }) {
  const t = consoleText(lang);
  return documentShell({
    lang,
    title: `${title} – ${t.product} ${t.area}`,
    referrer: 'same-origin',
    head: `<link rel="stylesheet" href="/assets/hub.css">
<link rel="stylesheet" href="/assets/console.css">
<link rel="icon" href="/assets/icons/hub.svg" type="image/svg+xml">
`,
    bodyClass: 'console',
    body: `<a class="skip" href="#main">${t.skip}</a>
<div class="frame"${dialog ? ' inert' : ''}>
${header(t, user, csrf, query)}
<div class="columns">
${user ? nav(t, user, current) : ''}
<main id="main" tabindex="-1">
${body}
</main>
</div>
</div>
${dialog ?? ''}`,
  });
}

const statusNote = (text) => (text ? `<p class="notice" role="status">${esc(text)}</p>` : '');

export function signInPage({ lang, csrf, username = '', error, notice }) {
  const t = consoleText(lang);
  return {
    title: t.signInTitle,
    body: `<div class="card narrow">
<h1>${t.signInTitle}</h1>
<p>${t.signInIntro}</p>
${statusNote(notice)}${alertNote(error)}
<form method="post" action="${BASE}/inloggen" class="stack">
${csrfField(csrf)}
<label for="username">${t.username}</label>
<input id="username" name="username" type="email" autocomplete="username" required autofocus value="${esc(username)}">
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" class="primary">${t.signIn}</button>
</form>
</div>`,
  };
}

const statusBadge = (t, status) => `<span class="badge ${status}">${esc(t.status[status])}</span>`;

export function contactsPage({ lang, contacts, query }) {
  const t = consoleText(lang);
  const caption = query ? t.resultsFor(query, contacts.length) : t.allContacts(contacts.length);
  const rows = contacts
    .map(
      (c) => `<tr>
<td><a href="${BASE}/relaties/${encodeURIComponent(c.id)}">${esc(c.name)}</a></td>
<td>${esc(c.id)}</td>
<td>${esc(c.dossierNumber)}</td>
<td>${esc(c.email ?? '—')}</td>
<td>${c.account ? statusBadge(t, c.account.status) : `<span class="muted">${t.noAccount}</span>`}</td>
</tr>`,
    )
    .join('\n');
  return {
    title: t.contacts,
    body: `<h1>${t.contacts}</h1>
${
  contacts.length
    ? `<div class="table-wrap" ${scrollable(caption)}><table>
<caption>${esc(caption)}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.contactId}</th><th scope="col">${t.dossier}</th><th scope="col">${t.email}</th><th scope="col">${t.account}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`
    : `<p role="status">${esc(caption)}</p><p>${t.noResults}</p>`
}`,
  };
}

const PAGE_SIZE = 50;

function contractsTable(t, contracts, page, contactHref) {
  if (!contracts.length) return `<p>${t.noContracts}</p>`;
  const pages = Math.ceil(contracts.length / PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  const shown = contracts.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const cell = (value) => esc(value ?? '—');
  const rows = shown
    .map((c) => {
      const m = c.metadata ?? {};
      return `<tr><td>${cell(m.afdDefinitionName)}</td><td>${cell(m.contractNumber)}</td><td>${cell(m.productDescription)}</td><td>${cell(m.porCompany?.name)}</td><td>${cell(c.status)}</td></tr>`;
    })
    .join('\n');
  const pager =
    pages > 1
      ? `<nav class="pager" aria-label="${esc(t.page(current, pages))}">
${current > 1 ? `<a href="${contactHref}?pagina=${current - 1}">${t.previous}</a>` : ''}
<span>${esc(t.page(current, pages))}</span>
${current < pages ? `<a href="${contactHref}?pagina=${current + 1}">${t.next}</a>` : ''}
</nav>`
      : '';
  return `<div class="table-wrap" ${scrollable(t.contracts)}><table>
<caption>${esc(t.contractsCaption(contracts.length))}</caption>
<thead><tr><th scope="col">${t.type}</th><th scope="col">${t.contractNumber}</th><th scope="col">${t.description}</th><th scope="col">${t.provider}</th><th scope="col">${t.contractStatus}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
${pager}`;
}

function accountPanel(t, details, csrf, href) {
  const { account } = details;
  if (!account) {
    return `<h3>${t.shortcuts}</h3>
<p><a class="button primary" href="${href}/account-toevoegen">${t.addAccount}</a></p>`;
  }
  const access =
    account.status === 'revoked'
      ? postButton({ action: `${href}/herstellen`, csrf, label: t.restore })
      : postButton({
          action: `${href}/intrekken`,
          csrf,
          label: t.revoke,
          kind: 'danger',
          describedBy: 'revoke-hint',
        }) + `<p id="revoke-hint" class="hint">${t.revokeHint}</p>`;
  return `<h3>${t.account}</h3>
<dl>
<dt>${t.usernameLabel}</dt><dd class="username">${esc(account.email)}</dd>
<dt>${t.contractStatus}</dt><dd>${statusBadge(t, account.status)}</dd>
</dl>
<h3>${t.shortcuts}</h3>
<div class="panel-actions">
${account.status === 'revoked' ? '' : `${postButton({ action: `${href}/nieuwe-link`, csrf, label: t.newLink, describedBy: 'link-hint' })}<p id="link-hint" class="hint">${t.newLinkHint}</p>`}
${access}
</div>`;
}

export function contactPage({ lang, details, csrf, page = 1, notice }) {
  const t = consoleText(lang);
  const { contact } = details;
  const href = `${BASE}/relaties/${encodeURIComponent(contact.id)}`;
  return {
    title: contact.name,
    body: `<p class="crumbs"><a href="${BASE}/relaties">${t.contacts}</a></p>
<h1>${esc(contact.id)} – ${esc(contact.name)}</h1>
${statusNote(notice)}
<div class="contact">
<section class="main-col" aria-labelledby="contracts-title">
<h2 id="contracts-title">${t.contracts}</h2>
${contractsTable(t, details.contracts, page, href)}
</section>
<aside class="panel" aria-labelledby="details-title">
<h2 id="details-title">${t.details}</h2>
<dl>
<dt>${t.name}</dt><dd>${esc(contact.name)}</dd>
<dt>${t.dossier}</dt><dd>${esc(contact.dossierNumber)}</dd>
<dt>${t.email}</dt><dd>${esc(contact.email ?? '—')}</dd>
</dl>
${accountPanel(t, details, csrf, href)}
</aside>
</div>`,
  };
}

/** *Account toevoegen*: a modal dialog over the contact's page (the page behind is inert). */
export function addAccountDialog({ lang, details, csrf, email, mailLang = 'nl', error }) {
  const t = consoleText(lang);
  const href = `${BASE}/relaties/${encodeURIComponent(details.contact.id)}`;
  return `<div class="backdrop">
<dialog open class="card" aria-labelledby="dialog-title" aria-describedby="dialog-intro">
<h2 id="dialog-title">${t.addAccount}: ${esc(details.contact.name)}</h2>
<p id="dialog-intro">${t.addAccountIntro}</p>
${error ? `<p class="alert" role="alert" id="email-error">${esc(error)}</p>` : ''}
<form method="post" action="${href}/account-toevoegen" class="stack">
${csrfField(csrf)}
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="off" required autofocus value="${esc(email)}"${error ? ' aria-invalid="true" aria-describedby="email-error"' : ''}>
<fieldset><legend>${t.mailLanguage}</legend>
<label class="choice"><input type="radio" name="lang" value="nl"${mailLang === 'en' ? '' : ' checked'}> ${t.dutch}</label>
<label class="choice"><input type="radio" name="lang" value="en"${mailLang === 'en' ? ' checked' : ''}> ${t.english}</label>
</fieldset>
<div class="actions">
<button type="submit" class="primary">${t.save}</button>
<a class="button secondary" href="${href}">${t.cancel}</a>
</div>
</form>
</dialog>
</div>`;
}

/** `"Lotte Mulder" <lotte@voorbeeld.nl>` → `Lotte Mulder <lotte@voorbeeld.nl>` */
const displayAddress = (header) => String(header ?? '').replace(/"/g, '');

export function outboxPage({ lang, mails }) {
  const t = consoleText(lang);
  const rows = mails
    .map(
      (m) => `<tr>
<td><a href="${BASE}/e-mails/${encodeURIComponent(m.id)}">${esc(m.subject)}</a></td>
<td>${esc(displayAddress(m.to))}</td>
<td>${esc(t.kinds[m.kind] ?? m.kind)}</td>
<td>${esc(dateTime(lang, m.date))}</td>
</tr>`,
    )
    .join('\n');
  return {
    title: t.outbox,
    body: `<h1>${t.outbox}</h1>
<p>${t.outboxIntro}</p>
${
  mails.length
    ? `<div class="table-wrap" ${scrollable(t.outbox)}><table>
<caption class="visually-hidden">${t.outbox}</caption>
<thead><tr><th scope="col">${t.subject}</th><th scope="col">${t.to}</th><th scope="col">${t.kind}</th><th scope="col">${t.date}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`
    : `<p>${t.noMail}</p>`
}`,
  };
}

/** Escaped mail text with its web links made clickable. */
const linkify = (text) =>
  esc(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

export function mailPage({ lang, mail }) {
  const t = consoleText(lang);
  return {
    title: mail.subject,
    body: `<p class="crumbs"><a href="${BASE}/e-mails">${t.backToOutbox}</a></p>
<h1>${esc(mail.subject)}</h1>
<dl class="mail-head">
<dt>${t.from}</dt><dd>${esc(displayAddress(mail.from))}</dd>
<dt>${t.to}</dt><dd>${esc(displayAddress(mail.to))}</dd>
<dt>${t.date}</dt><dd>${esc(dateTime(lang, mail.date))}</dd>
<dt>${t.kind}</dt><dd>${esc(t.kinds[mail.kind] ?? mail.kind)}</dd>
</dl>
<div class="mail-body" lang="${esc(mail.lang)}">${linkify(mail.text)}</div>`,
  };
}

export function activityPage({ lang, entries }) {
  const t = consoleText(lang);
  const actors = { cli: t.cli, customer: t.customer };
  const actor = (value) => actors[value] ?? value;
  const rows = entries
    .map(
      (e) =>
        `<tr><td>${esc(dateTime(lang, e.at))}</td><td>${esc(actor(e.actor))}</td><td>${esc(t.actions[e.action] ?? e.action)}</td><td>${esc(e.account ?? '—')}</td></tr>`,
    )
    .join('\n');
  return {
    title: t.activity,
    body: `<h1>${t.activity}</h1>
<p>${t.activityIntro}</p>
${
  entries.length
    ? `<div class="table-wrap" ${scrollable(t.activity)}><table>
<caption class="visually-hidden">${t.activity}</caption>
<thead><tr><th scope="col">${t.date}</th><th scope="col">${t.who}</th><th scope="col">${t.what}</th><th scope="col">${t.subjectAccount}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`
    : `<p>${t.noActivity}</p>`
}`,
  };
}

export function problemPage({ lang, title, text }) {
  const t = consoleText(lang);
  return {
    title,
    body: `<h1>${esc(title)}</h1>
<p>${esc(text)}</p>
<p><a class="button secondary" href="${BASE}/relaties">${t.backToContacts}</a></p>`,
  };
}
