#!/usr/bin/env node
/**
 * `npm run hub -- <command>`: run the local ANVA Hub, or administer its accounts.
 * Bad configuration prints one line on stderr and exits with 2; a refused admin command exits
 * with 1.
 */
import { parseArgs } from 'node:util';
import {
  addAccount,
  AdminError,
  listContacts,
  reissueActivation,
  resetData,
  restoreAccount,
  revokeAccount,
} from './admin.mjs';
import {
  DEFAULT_DATA_FILE,
  DEFAULT_PORT,
  HubConfigError,
  parseBaseUrl,
  parsePort,
  resolveOptions,
} from './config.mjs';
import { outboxDir } from './outbox.mjs';

const USAGE = `Usage: npm run hub -- [command] [options]

Commands:
  serve                                   run the Hub (default)
  contacts                                list contacts and their accounts
  account add --contact <id> [--email <e>] [--lang nl|en]
                                          add an account to a contact (e-mails link + temporary password)
  account reissue --email <e>             new activation link (e-mailed); the old one stops working
  account revoke --email <e>              withdraw access at once (sessions, access and refresh tokens)
  account restore --email <e>             give access back
  reset                                   start afresh from seed.json

Options (environment variable in brackets):
  --port <n>          identity port on 127.0.0.1 (HUB_PORT, default ${DEFAULT_PORT})
  --api-port <n>      customer API port on 127.0.0.1 (HUB_API_PORT, default the identity port + 1)
  --single-origin     the API under /api on the identity origin instead (HUB_SINGLE_ORIGIN=1)
  --issuer <url>      OpenID issuer (HUB_ISSUER, default http://localhost:<port>/identity)
  --api-base <url>    the API's public URL (HUB_API_BASE, default http://localhost:<api-port>)
  --site <origin>     demo site origin for {SITE} in clients.json (HUB_SITE_ORIGIN, default http://localhost:8080)
  --data <file>       data file (HUB_DATA, default .hub-data/state.json)
  --clients <file>    registered clients (HUB_CLIENTS, default demo/hub/clients.json)
  --access-ttl <s>    access token lifetime in seconds (HUB_ACCESS_TTL, default 300)
  --latency <list>    slow answers per API endpoint, e.g. contracts:20000,account:500 (HUB_LATENCY;
                      endpoints: account, organizations, permissions, contracts, contract)
  --latency-ms <ms>   slow answers on every other API endpoint (HUB_LATENCY_MS)`;

const OPTIONS = {
  port: { type: 'string' },
  'api-port': { type: 'string' },
  'single-origin': { type: 'boolean' },
  issuer: { type: 'string' },
  'api-base': { type: 'string' },
  latency: { type: 'string' },
  'latency-ms': { type: 'string' },
  site: { type: 'string' },
  data: { type: 'string' },
  clients: { type: 'string' },
  'access-ttl': { type: 'string' },
  contact: { type: 'string' },
  email: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

function settings(values) {
  const env = process.env;
  const port = parsePort(
    values.port ?? env.HUB_PORT ?? DEFAULT_PORT,
    values.port ? '--port' : 'HUB_PORT',
  );
  const issuer = values.issuer ?? env.HUB_ISSUER;
  const apiPort = values['api-port'] ?? env.HUB_API_PORT;
  const singleOrigin = values['single-origin'] ?? ['1', 'true'].includes(env.HUB_SINGLE_ORIGIN);
  return {
    port,
    ...(apiPort === undefined
      ? {}
      : { apiPort: parsePort(apiPort, values['api-port'] ? '--api-port' : 'HUB_API_PORT') }),
    singleOrigin,
    apiBase: values['api-base'] ?? env.HUB_API_BASE,
    latency: values.latency ?? env.HUB_LATENCY,
    latencyMs: values['latency-ms'] ?? env.HUB_LATENCY_MS,
    issuer:
      issuer === undefined
        ? undefined
        : parseBaseUrl(issuer, values.issuer ? '--issuer' : 'HUB_ISSUER'),
    siteOrigin: values.site ?? env.HUB_SITE_ORIGIN,
    dataFile: values.data ?? env.HUB_DATA,
    clientsFile: values.clients ?? env.HUB_CLIENTS,
    accessTokenTtl: values['access-ttl'] ?? env.HUB_ACCESS_TTL,
  };
}

const required = (values, name) => {
  if (!values[name]) throw new AdminError(`--${name} is required (see --help)`);
  return values[name];
};

async function serve(config) {
  // Checked before loading the provider, so a typo is reported at once.
  resolveOptions(config);
  const { startHub } = await import('./server.mjs');
  const hub = await startHub(config);
  console.log(
    hub.apiPort === hub.port
      ? `ANVA Hub (local) on http://127.0.0.1:${hub.port} (identity and API on one origin)`
      : `ANVA Hub (local): identity on http://127.0.0.1:${hub.port}, API on http://127.0.0.1:${hub.apiPort}`,
  );
  console.log(`  issuer    ${hub.issuer}`);
  console.log(`  API base  ${hub.apiBase}`);
  for (const [route, ms] of Object.entries(hub.latency)) {
    console.log(`  latency   ${route === '*' ? 'every endpoint' : route}: ${ms} ms`);
  }
  console.log(`  data      ${hub.dataFile}`);
  console.log(`  outbox    ${outboxDir(hub.dataFile)}   (every e-mail the Hub sends)`);
  console.log(`Broker console: ${hub.console.url}`);
  for (const login of hub.console.logins) {
    console.log(`  ${login.role}, ${login.organization}: ${login.username} / ${login.password}`);
  }
  console.log('Demo customers:');
  for (const login of hub.demoLogins) {
    console.log(`  ${login.label}`);
    console.log(`    ${login.email}${login.password ? ` / ${login.password}` : ''}`);
    if (login.activationUrl) console.log(`    activation link: ${login.activationUrl}`);
  }
  const stop = async () => {
    await hub.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [command = 'serve', sub] = positionals;
  const config = settings(values);
  const admin = {
    dataFile: config.dataFile ?? DEFAULT_DATA_FILE,
    issuer: config.issuer ?? `http://localhost:${config.port}/identity`,
  };

  if (command === 'serve') return serve(config);
  if (command === 'contacts') {
    for (const contact of await listContacts(admin)) {
      const account = contact.account
        ? `${contact.account.email} (${contact.account.status})`
        : '— no account';
      console.log(
        `${contact.id.padEnd(10)} ${contact.name.padEnd(20)} ${String(contact.organization).padEnd(24)} dossier ${contact.dossierNumber.padEnd(8)} ${account}`,
      );
    }
    return;
  }
  if (command === 'reset') {
    await resetData(admin);
    console.log(`Data file reset from the seed.`);
    return;
  }
  if (command === 'account' && sub === 'add') {
    const result = await addAccount({
      ...admin,
      contactId: required(values, 'contact'),
      email: values.email,
      lang: values.lang === 'en' ? 'en' : 'nl',
    });
    console.log(`Account added for contact ${values.contact} (${result.account.name}).`);
    console.log(`  username            ${result.account.email}`);
    console.log(`  temporary password  ${result.temporaryPassword}`);
    console.log(`  activation link     ${result.activationUrl}`);
    console.log(`E-mails written to the outbox: ${outboxDir(admin.dataFile)}`);
    return;
  }
  if (command === 'account' && sub === 'reissue') {
    const result = await reissueActivation({ ...admin, email: required(values, 'email') });
    console.log(
      `New activation link for ${result.account.email} (the previous one no longer works):`,
    );
    console.log(`  ${result.activationUrl}`);
    console.log(`E-mailed; see the outbox: ${outboxDir(admin.dataFile)}`);
    return;
  }
  if (command === 'account' && sub === 'revoke') {
    const result = await revokeAccount({ ...admin, email: required(values, 'email') });
    console.log(
      `Access revoked for ${result.account.email}: its sessions and tokens no longer work.`,
    );
    return;
  }
  if (command === 'account' && sub === 'restore') {
    const result = await restoreAccount({ ...admin, email: required(values, 'email') });
    console.log(`Access restored for ${result.account.email}; the customer signs in again.`);
    return;
  }
  throw new HubConfigError(`unknown command "${positionals.join(' ')}" (see --help)`);
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof AdminError) {
    console.error(`hub: ${error.message}`);
    process.exit(1);
  }
  const known = error instanceof HubConfigError || error.code?.startsWith?.('ERR_PARSE_ARGS');
  console.error(`hub: ${known ? error.message : error.stack}`);
  process.exit(known ? 2 : 1);
});
