/**
 * The e-mails of the Hub, in Dutch (formal *u*) and English, written in the broker's name:
 * the customer knows the adviser, not ANVA Hub.
 */

const date = (lang, iso) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));

const contactLine = {
  nl: (broker) =>
    `Vragen? Neem contact op met ${broker.name}: ${[broker.email, broker.phone].filter(Boolean).join(' of ')}.`,
  en: (broker) =>
    `Questions? Contact ${broker.name}: ${[broker.email, broker.phone].filter(Boolean).join(' or ')}.`,
};

const closing = {
  nl: (broker) => `Met vriendelijke groet,\n${broker.name}`,
  en: (broker) => `Kind regards,\n${broker.name}`,
};

const TEMPLATES = {
  nl: {
    invitation: ({ broker, name, email, link, expiresAt }) => ({
      subject: `Activeer uw account bij ${broker.name}`,
      body: `${broker.name} geeft u toegang tot uw verzekeringen op onze website. U logt daar in met een account bij ANVA Hub, het klantportaal dat wij gebruiken.

Activeer uw account en kies een eigen wachtwoord via deze link:
${link}

De link werkt één keer, tot ${date('nl', expiresAt)}. Uw gebruikersnaam is uw e-mailadres: ${email}.

Werkt de link niet meer? Vraag ons dan om een nieuwe link.`,
      greeting: name,
    }),
    'temporary-password': ({ broker, name, email, password }) => ({
      subject: `Uw tijdelijke wachtwoord voor ${broker.name}`,
      body: `U kunt ook meteen inloggen op onze website, zonder de activatielink:

Gebruikersnaam: ${email}
Tijdelijk wachtwoord: ${password}

Na het inloggen kiest u een eigen wachtwoord. Bewaar deze e-mail niet langer dan nodig.`,
      greeting: name,
    }),
    reset: ({ name, email, link, expiresAt }) => ({
      subject: 'Kies een nieuw wachtwoord',
      body: `Er is gevraagd om een nieuw wachtwoord voor uw account ${email}.

Kies een nieuw wachtwoord via deze link:
${link}

De link werkt één keer, tot ${date('nl', expiresAt)}. Heeft u dit niet gevraagd? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.`,
      greeting: name,
    }),
    revoked: ({ broker, name }) => ({
      subject: `Uw toegang tot de website van ${broker.name} is stopgezet`,
      body: `${broker.name} heeft uw toegang tot uw verzekeringen op onze website stopgezet. U kunt daar niet meer inloggen, en de website ziet uw gegevens niet meer.

Uw verzekeringen zelf lopen gewoon door.`,
      greeting: name,
    }),
    restored: ({ broker, name, email }) => ({
      subject: `Uw toegang tot de website van ${broker.name} is hersteld`,
      body: `U kunt weer inloggen op onze website met uw e-mailadres (${email}) en uw wachtwoord. De eerste keer vragen wij opnieuw uw toestemming.`,
      greeting: name,
    }),
  },
  en: {
    invitation: ({ broker, name, email, link, expiresAt }) => ({
      subject: `Activate your account with ${broker.name}`,
      body: `${broker.name} gives you access to your insurance policies on our website. You sign in there with an account at ANVA Hub, the customer portal we use.

Activate your account and choose your own password with this link:
${link}

The link works once, until ${date('en', expiresAt)}. Your username is your email address: ${email}.

Does the link no longer work? Then ask us for a new one.`,
      greeting: name,
    }),
    'temporary-password': ({ broker, name, email, password }) => ({
      subject: `Your temporary password for ${broker.name}`,
      body: `You can also sign in on our website straight away, without the activation link:

Username: ${email}
Temporary password: ${password}

After signing in you choose your own password. Do not keep this email longer than needed.`,
      greeting: name,
    }),
    reset: ({ name, email, link, expiresAt }) => ({
      subject: 'Choose a new password',
      body: `Someone asked for a new password for your account ${email}.

Choose a new password with this link:
${link}

The link works once, until ${date('en', expiresAt)}. Did you not ask for this? Then you need not do anything: your password stays the same.`,
      greeting: name,
    }),
    revoked: ({ broker, name }) => ({
      subject: `Your access to the website of ${broker.name} has been stopped`,
      body: `${broker.name} has stopped your access to your insurance policies on our website. You can no longer sign in there, and the website no longer sees your data.

Your insurance policies themselves continue as before.`,
      greeting: name,
    }),
    restored: ({ broker, name, email }) => ({
      subject: `Your access to the website of ${broker.name} has been restored`,
      body: `You can sign in on our website again with your email address (${email}) and your password. The first time, we ask for your permission again.`,
      greeting: name,
    }),
  },
};

export const MAIL_KINDS = Object.keys(TEMPLATES.nl);

/** The language of an account's e-mails: its locale, Dutch unless it is English. */
export const mailLanguage = (account) =>
  String(account?.extra?.locale ?? '')
    .toLowerCase()
    .startsWith('en')
    ? 'en'
    : 'nl';

/**
 * One e-mail: subject and text.
 * @param {keyof typeof TEMPLATES.nl} kind
 * @param {'nl' | 'en'} lang
 * @param {{ broker: { name: string, email?: string, phone?: string }, name: string, email: string,
 *   link?: string, expiresAt?: string, password?: string }} data
 */
export function composeMail(kind, lang, data) {
  const { subject, body, greeting } = TEMPLATES[lang][kind](data);
  const hello = lang === 'en' ? `Dear ${greeting},` : `Beste ${greeting},`;
  return {
    subject,
    text: `${hello}\n\n${body}\n\n${contactLine[lang](data.broker)}\n\n${closing[lang](data.broker)}\n`,
  };
}
