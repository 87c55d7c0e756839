/**
 * The Hub's outbox: every e-mail the real ANVA Hub would send is written as one `.eml` file
 * (RFC 5322, UTF-8 plain text) into a folder beside the data file, and nothing leaves the
 * machine. The broker console lists them (*Verzonden e-mails*); any mail program opens them.
 * Beside it, the activity log: one JSON line per action of the console or the CLI.
 */
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { sameId } from './brokers.mjs';

const FROM_ADDRESS = 'no-reply@hub.anva.local';

/** `.hub-data/state.json` → `.hub-data/state.outbox/` */
export const outboxDir = (dataFile) => `${dataFile.replace(/\.json$/, '')}.outbox`;
/** `.hub-data/state.json` → `.hub-data/state.activity.jsonl` */
export const activityFile = (dataFile) => `${dataFile.replace(/\.json$/, '')}.activity.jsonl`;

// A header value on one line: no CR/LF from data can start a header of its own.
const oneLine = (value) => String(value ?? '').replace(/[\r\n]+/g, ' ');
const mailbox = (name, address) => `"${oneLine(name).replace(/["\\]/g, '')}" <${oneLine(address)}>`;

/**
 * Writes one e-mail. `message` comes from mails.mjs; `to` is `{ name, email }`, `broker` the
 * sender it is written for.
 * @returns {{ id: string, file: string }}
 */
export function sendMail(dataFile, { to, broker, kind, lang, subject, text }) {
  const dir = outboxDir(dataFile);
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  const id = `${now.toISOString().replace(/[-:.]/g, '')}-${kind}-${randomBytes(3).toString('hex')}`;
  const headers = [
    `From: ${mailbox(`${broker.name} via ANVA Hub`, FROM_ADDRESS)}`,
    ...(broker.email ? [`Reply-To: ${mailbox(broker.name, broker.email)}`] : []),
    `To: ${mailbox(to.name, to.email)}`,
    `Subject: ${oneLine(subject)}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}@hub.anva.local>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    `Content-Language: ${lang}`,
    `X-Hub-Kind: ${kind}`,
    `X-Hub-Organization: ${oneLine(broker.organizationId)}`,
  ];
  const file = join(dir, `${id}.eml`);
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${headers.join('\r\n')}\r\n\r\n${text.replace(/\r?\n/g, '\r\n')}\r\n`, {
    mode: 0o600,
  });
  renameSync(temp, file);
  return { id, file };
}

/** Parses one outbox file into its headers and text. */
function parseMail(id, source) {
  const split = source.indexOf('\r\n\r\n');
  const headers = {};
  for (const line of source.slice(0, split).split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    id,
    from: headers.from,
    to: headers.to,
    subject: headers.subject,
    date: new Date(headers.date).toISOString(),
    lang: headers['content-language'],
    kind: headers['x-hub-kind'],
    organizationId: headers['x-hub-organization'],
    text: source
      .slice(split + 4)
      .replace(/\r\n/g, '\n')
      .trimEnd(),
  };
}

/** The outbox, newest first; only one organisation's mail when `organizationId` is given. */
export function listMail(dataFile, { organizationId } = {}) {
  let names;
  try {
    names = readdirSync(outboxDir(dataFile)).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .map((name) =>
      parseMail(name.slice(0, -4), readFileSync(join(outboxDir(dataFile), name), 'utf8')),
    )
    .filter((mail) => organizationId === undefined || sameId(mail.organizationId, organizationId));
}

/** Appends one action to the activity log and returns it. */
export function logActivity(dataFile, entry) {
  const line = { at: new Date().toISOString(), ...entry };
  appendFileSync(activityFile(dataFile), `${JSON.stringify(line)}\n`, { mode: 0o600 });
  return line;
}

/** The activity log, newest first; one organisation's when `organizationId` is given. */
export function readActivity(dataFile, { organizationId } = {}) {
  let text;
  try {
    text = readFileSync(activityFile(dataFile), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((entry) => organizationId === undefined || sameId(entry.organizationId, organizationId))
    .reverse();
}
