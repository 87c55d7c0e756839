/**
 * Account administration (the seeds' *Account toevoegen*), the data file and the CLI: run as
 * a separate process against a running Hub, like a broker's admin would.
 */
import assert from 'node:assert/strict';
import { execFile as execFileCallback, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  addAccount,
  AdminError,
  listContacts,
  reissueActivation,
  restoreAccount,
} from '../../demo/hub/admin.mjs';
import { api, refresh, signIn, startTestHub, tokensFor } from './helpers.mjs';

const execFile = promisify(execFileCallback);
const CLI = fileURLToPath(new URL('../../demo/hub/cli.mjs', import.meta.url));

/** Runs the CLI in its own process; resolves with its exit code and output. */
async function cli(args, env = {}) {
  try {
    const { stdout, stderr } = await execFile(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      timeout: 15_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error.code === undefined || typeof error.code === 'string') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

let hub;
const admin = () => ({ dataFile: hub.dataFile, issuer: hub.issuer });

before(async () => {
  hub = await startTestHub();
});

after(() => hub?.close());

describe('account add', () => {
  test('refused when the contact already has an account, showing its username', async () => {
    await assert.rejects(
      addAccount({ ...admin(), contactId: 'R-100234', email: 'ander@voorbeeld.nl' }),
      {
        name: 'AdminError',
        message: 'contact R-100234 already has an account: jan@voorbeeld.nl',
      },
    );
    const result = await cli([
      'account',
      'add',
      '--contact',
      'R-100234',
      '--email',
      'x@voorbeeld.nl',
      '--data',
      hub.dataFile,
    ]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'hub: contact R-100234 already has an account: jan@voorbeeld.nl\n');
  });

  test('a contact without account gets one: link and temporary password printed, the customer signs in', async () => {
    const before = (await listContacts(admin())).find((c) => c.id === 'R-100623');
    assert.equal(before.account, null);
    const result = await cli([
      'account',
      'add',
      '--contact',
      'R-100623',
      '--data',
      hub.dataFile,
      '--issuer',
      hub.issuer,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const password = /temporary password\s+(\S+)/.exec(result.stdout)[1];
    const link = /activation link\s+(\S+)/.exec(result.stdout)[1];
    assert.match(
      result.stdout,
      /username\s+lotte\.mulder@voorbeeld\.nl/,
      'pre-filled from the contact',
    );
    assert.match(result.stdout, /E-mails written to the outbox: .*\.outbox/);
    assert.ok(link.startsWith(`${hub.issuer}/activate/`));
    assert.equal((await fetch(link)).status, 200);

    const contacts = await cli(['contacts', '--data', hub.dataFile]);
    assert.match(contacts.stdout, /R-100623 .*lotte\.mulder@voorbeeld\.nl \(invited\)/);
    assert.match(contacts.stdout, /H-5601 .*no account/);

    const lotte = { email: 'lotte.mulder@voorbeeld.nl', password, newPassword: 'Lotte-eigen-1' };
    const signedIn = await signIn(hub, lotte);
    assert.deepEqual(signedIn.steps, ['login', 'password', 'confirm']);
    const tokens = await tokensFor(hub, { email: lotte.email, password: lotte.newPassword });
    const contracts = await api(hub, '/contract/contracts/mycontracts', {
      token: tokens.access_token,
    });
    assert.deepEqual(
      contracts.body.data.items.map((c) => c.id),
      [48219001, 48219002],
    );
  });

  test('an unknown contact or a taken username is refused', async () => {
    await assert.rejects(addAccount({ ...admin(), contactId: 'R-0' }), AdminError);
    await assert.rejects(
      addAccount({ ...admin(), contactId: 'H-5601', email: 'JAN@voorbeeld.nl' }),
      /already used/,
    );
    await assert.rejects(
      addAccount({ ...admin(), contactId: 'H-5601' }),
      /--email/,
      'this contact has no e-mail',
    );
  });
});

describe('account reissue', () => {
  test('a new activation link works and the old one stops working', async () => {
    const old = hub.demoLogins.find((login) => login.email === 'fatima@voorbeeld.nl').activationUrl;
    assert.equal((await fetch(old)).status, 200);
    const { activationUrl } = await reissueActivation({ ...admin(), email: 'fatima@voorbeeld.nl' });
    assert.equal((await fetch(old)).status, 404);
    const page = await fetch(activationUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Nieuw wachtwoord/);
    const done = await fetch(activationUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ password: 'Fatima-2026!', repeat: 'Fatima-2026!' }),
    });
    assert.match(await done.text(), /Uw account is geactiveerd/);
    assert.equal((await fetch(activationUrl)).status, 404, 'a link works once');
    assert.ok(
      (await signIn(hub, { email: 'fatima@voorbeeld.nl', password: 'Fatima-2026!' })).callback,
    );
  });

  test('different passwords or a short one are refused on the activation page', async () => {
    const { activationUrl } = await reissueActivation({ ...admin(), email: 'pieter@voorbeeld.nl' });
    const post = (form) =>
      fetch(activationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      }).then(async (r) => ({ status: r.status, text: await r.text() }));
    const mismatch = await post({ password: 'Lang-genoeg-1', repeat: 'Lang-genoeg-2' });
    assert.equal(mismatch.status, 400);
    assert.match(mismatch.text, /De wachtwoorden zijn niet gelijk/);
    assert.match((await post({ password: 'kort', repeat: 'kort' })).text, /minimaal 8 tekens/);
  });
});

describe('account revoke', () => {
  test('from another process: API and refresh stop at once, sign-in refused; restore lets the customer back in', async () => {
    const sanne = { email: 'sanne@voorbeeld.nl', password: 'Welkom02!' };
    const tokens = await tokensFor(hub, sanne);
    assert.equal((await api(hub, '/account/mine', { token: tokens.access_token })).status, 200);

    const revoked = await cli([
      'account',
      'revoke',
      '--email',
      sanne.email,
      '--data',
      hub.dataFile,
    ]);
    assert.equal(revoked.code, 0, revoked.stderr);

    const afterRevoke = await api(hub, '/contract/contracts/mycontracts', {
      token: tokens.access_token,
    });
    assert.equal(afterRevoke.status, 401);
    assert.equal(afterRevoke.body.error.code, 'revoked');
    assert.equal((await refresh(hub, tokens.refresh_token)).body.error, 'invalid_grant');
    const blocked = await signIn(hub, sanne);
    assert.equal(blocked.callback, undefined);
    assert.match(blocked.text, /Het e-mailadres of wachtwoord is onjuist/);

    await restoreAccount({ ...admin(), email: sanne.email });
    assert.equal(
      (await api(hub, '/account/mine', { token: tokens.access_token })).body.error.code,
      'revoked',
    );
    assert.equal((await refresh(hub, tokens.refresh_token)).body.error, 'invalid_grant');
    const again = await tokensFor(hub, sanne);
    assert.equal((await api(hub, '/account/mine', { token: again.access_token })).status, 200);
  });
});

describe('the data file', () => {
  test('state survives a restart: accounts, passwords, consents and the signing key', async () => {
    const restartable = await startTestHub();
    const { dataFile, port, apiPort } = restartable;
    const { temporaryPassword } = await addAccount({
      dataFile,
      contactId: 'H-5601',
      email: 'ahmed@voorbeeld.nl',
    });
    const ahmed = {
      email: 'ahmed@voorbeeld.nl',
      password: temporaryPassword,
      newPassword: 'Ahmed-eigen-1',
    };
    assert.deepEqual((await signIn(restartable, ahmed)).steps, ['login', 'password', 'confirm']);
    const tokens = await tokensFor(restartable, {
      email: ahmed.email,
      password: ahmed.newPassword,
    });
    await restartable.stop();
    // Give the HTTP client a moment to see its keep-alive sockets to the old server closed.
    await new Promise((resolve) => setTimeout(resolve, 100));

    const second = await startTestHub({ dataFile, port, apiPort });
    try {
      assert.equal(
        (await api(second, '/account/mine', { token: tokens.access_token })).status,
        200,
      );
      const again = await signIn(second, { email: ahmed.email, password: ahmed.newPassword });
      assert.deepEqual(again.steps, ['login'], 'consent was kept');
    } finally {
      await second.close();
      rmSync(restartable.dir, { recursive: true, force: true });
    }
  });

  test('writes are atomic: a reader never sees half a file, no temp files stay behind', async () => {
    const dataFile = hub.dataFile;
    const writer = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { reissueActivation } from ${JSON.stringify(new URL('../../demo/hub/admin.mjs', import.meta.url).href)};
         for (let i = 0; i < 40; i += 1) await reissueActivation({ dataFile: ${JSON.stringify(dataFile)}, email: 'kees@voorbeeld.nl' });`,
      ],
      { stdio: 'inherit' },
    );
    const done = new Promise((resolve) => writer.on('exit', resolve));
    let reads = 0;
    let finished = false;
    done.then(() => (finished = true));
    while (!finished) {
      JSON.parse(readFileSync(dataFile, 'utf8'));
      reads += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(await done, 0);
    assert.ok(reads > 10, `read ${reads} times while writing`);
    assert.deepEqual(
      readdirSync(join(dataFile, '..')).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  test('a corrupt data file is a clear configuration error', async () => {
    const broken = join(hub.dir, 'broken.json');
    writeFileSync(broken, '{"version": 1, "accounts": [');
    const result = await cli(['--port', '0', '--data', broken]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^hub: data file .*broken\.json is not readable JSON/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });
});

describe('configuration', () => {
  test('bad configuration: one line on stderr, exit code 2', async () => {
    const cases = [
      [['--port', 'abc'], {}, /port must be a whole number/],
      [[], { HUB_PORT: '70000' }, /HUB_PORT must be a whole number/],
      [['--issuer', 'ftp://hub'], {}, /--issuer must be an http\(s\) URL/],
      [['--site', 'http://localhost:8080/pad'], {}, /site origin must be an origin/],
      [['--access-ttl', '1'], {}, /access-ttl must be a number of seconds/],
      [['--clients', '/does/not/exist.json'], {}, /clients file .* is not readable JSON/],
      [['--unknown'], {}, /Unknown option '--unknown'/],
      [['frobnicate'], {}, /unknown command "frobnicate"/],
      [
        ['--port', String(hub.port)],
        {},
        new RegExp(`port ${hub.port} on 127.0.0.1 is already in use`),
      ],
    ];
    await Promise.all(
      cases.map(async ([args, env, message]) => {
        const result = await cli([...args, '--data', join(hub.dir, 'unused.json')], env);
        assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
        assert.match(result.stderr, message);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      }),
    );
  });

  test('serve prints the issuer, the API base and the demo logins', async () => {
    const child = spawn(process.execPath, [
      CLI,
      'serve',
      '--port',
      '0',
      '--data',
      join(hub.dir, 'serve.json'),
      '--latency',
      'contracts:20000',
    ]);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    await new Promise((resolve, reject) => {
      child.stdout.on('data', () => output.includes('Kees Smit') && resolve());
      child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    assert.match(output, /issuer\s+http:\/\/localhost:\d+\/identity/);
    const [, identityPort, apiPort] =
      /identity on http:\/\/127\.0\.0\.1:(\d+), API on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
    assert.notEqual(identityPort, apiPort);
    assert.match(output, new RegExp(`API base\\s+http://localhost:${apiPort}\n`));
    assert.match(output, /latency\s+contracts: 20000 ms/);
    assert.match(output, /jan@voorbeeld\.nl \/ Welkom01!/);
    assert.match(
      output,
      /activation link: http:\/\/localhost:\d+\/identity\/activate\/fatima-welkom-4f7d2a/,
    );
    assert.equal(JSON.parse(readFileSync(join(hub.dir, 'serve.json'), 'utf8')).version, 1);
  });
});
