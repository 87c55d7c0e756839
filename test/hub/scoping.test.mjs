/**
 * One broker per website: a client is bound to the organisations in clients.json, and its
 * tokens read only the customer's dossiers there; everything else answers like it is missing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, JAN, openLoginForm, SANNE, startTestHub, tokensFor } from './helpers.mjs';

let hub;

before(async () => {
  hub = await startTestHub();
});

after(() => hub?.close());

const items = async (token, path) => (await api(hub, path, { token })).body.data.items;

/** What a token of `clientId` shows of a customer. */
async function dossierSeenBy(clientId, credentials) {
  const { access_token: token } = await tokensFor(hub, credentials, { clientId });
  return {
    token,
    dossiers: (await items(token, '/account/mine'))[0].dossiers,
    organizations: (await items(token, '/organization/organizations/mine')).map((o) => o.code),
    contracts: (await items(token, '/contract/contracts/mycontracts')).map((c) => c.id),
  };
}

describe('clients bound to organisations', () => {
  test("a token of hoekstra-website cannot read the customer's De Vries dossier: 404", async () => {
    const seen = await dossierSeenBy('hoekstra-website', SANNE);
    assert.deepEqual(seen.dossiers, { 'org-hoekstra': '5530' });
    assert.deepEqual(seen.organizations, ['HOEKSTRA']);
    assert.deepEqual(seen.contracts, ['H-5530-WOON', 'H-5530-RB']);
    const deVries = await api(hub, '/contract/contracts/AVP-100871-1/mine', { token: seen.token });
    assert.equal(deVries.status, 404);
    const missing = await api(hub, '/contract/contracts/does-not-exist/mine', {
      token: seen.token,
    });
    assert.deepEqual(deVries.body, missing.body, 'exactly like a missing contract');
    const own = await api(hub, '/contract/contracts/H-5530-RB/mine', { token: seen.token });
    assert.equal(own.status, 200);
  });

  test('the De Vries website sees only De Vries; a customer without a dossier there sees none', async () => {
    const sanne = await dossierSeenBy('broker-website', SANNE);
    assert.deepEqual(sanne.dossiers, { 1201: '100871' });
    assert.deepEqual(sanne.organizations, ['DEVRIES']);
    assert.deepEqual(sanne.contracts, ['f3b9c2d4-1a7e-4c55-9e0b-6d2a8f41c731', 'AVP-100871-1']);
    const jan = await dossierSeenBy('hoekstra-website', JAN);
    assert.deepEqual(jan, { token: jan.token, dossiers: {}, organizations: [], contracts: [] });
    const detail = await api(hub, '/contract/contracts/48213001/mine', { token: jan.token });
    assert.equal(detail.status, 404);
  });

  test('a broker group website bound to several organisations sees the dossiers at each', async () => {
    const seen = await dossierSeenBy('noord-groep-website', SANNE);
    assert.deepEqual(seen.dossiers, { 1201: '100871', 'org-hoekstra': '5530' });
    assert.deepEqual(seen.organizations, ['DEVRIES', 'HOEKSTRA']);
    assert.equal(seen.contracts.length, 4);
  });

  test('the consent page names the broker the website belongs to', async () => {
    const consentText = async (clientId) => {
      const { client, action } = await openLoginForm(hub, {
        clientId,
        extra: { prompt: 'consent' },
      });
      let { location, text } = await client.request(action, { method: 'POST', form: SANNE });
      while (location) ({ location, text } = await client.request(location));
      assert.match(text, /Toestaan/);
      return text.replace(/<[^>]+>/g, '');
    };
    assert.match(
      await consentText('hoekstra-website'),
      /Deze website is van Hoekstra Assurantiën\. Alleen uw dossier bij dit kantoor wordt gedeeld\./,
    );
    assert.match(
      await consentText('noord-groep-website'),
      /Deze website is van Verzekeringen De Vries en Hoekstra Assurantiën\. Alleen uw dossiers bij deze kantoren worden gedeeld\./,
    );
  });
});
