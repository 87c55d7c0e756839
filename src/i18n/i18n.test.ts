import { expect, fixture, html } from '@open-wc/testing';
import {
  en,
  informal,
  messagesFor,
  nl,
  resolveLang,
  resolveTone,
  setMessages,
  toLang,
} from './index.js';
import type { Messages } from './messages.js';

/** Every text a catalogue produces, functions called with sample arguments. */
function texts(m: Messages): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'function') out.push(String(value(2, 'X')), String(value(1, 'X')));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(Object.fromEntries(Object.entries(m).filter(([key]) => key !== 'locale')));
  return out;
}

/** Words that give English away in a Dutch text, and Dutch in an English one. */
const ENGLISH =
  /\b(the|and|your|you|sign|policy|policies|please|loading|search|page|not|no(?!-claim)|view)\b/i;
/** Words that address the customer informally, and formally. */
const INFORMAL = /\b(je|jij|jou|jouw|jullie)\b/i;
const FORMAL = /\b(u|uw)\b/i;
const DUTCH =
  /\b(je|jouw|de|het|een|niet|inloggen|uitloggen|verzekering|zoeken|pagina|bekijken|van)\b/i;

describe('message catalogue', () => {
  afterEach(() => {
    setMessages('nl', { signIn: nl.signIn });
  });

  it('has the same keys in Dutch and English', () => {
    const keys = (m: object): string[] =>
      Object.entries(m).flatMap(([key, value]) =>
        value && typeof value === 'object' ? keys(value).map((k) => `${key}.${k}`) : [key],
      );
    expect(keys(en).sort()).to.deep.equal(keys(nl).sort());
  });

  it('has no English in the Dutch texts and no Dutch in the English ones', () => {
    // Words both languages share (Status, Type, Model, Code, Postcode) are fine.
    const shared = new Set(['Status', 'Type', 'Model', 'Code', 'Postcode', 'Product', '–']);
    const englishInDutch = texts(nl).filter((t) => !shared.has(t) && ENGLISH.test(t));
    const dutchInEnglish = texts(en).filter((t) => !shared.has(t) && DUTCH.test(t));
    expect(englishInDutch).to.deep.equal([]);
    expect(dutchInEnglish).to.deep.equal([]);
    const same = texts(nl).filter((t) => !shared.has(t) && texts(en).includes(t));
    expect(same).to.deep.equal([]);
  });

  it('counts policies in the singular for one, also when a search shows part of them', () => {
    expect([
      nl.contractsCount(1, 1),
      nl.contractsCount(0, 1),
      nl.contractsCount(2, 7),
    ]).to.deep.equal(['1 verzekering', '0 van 1 verzekering', '2 van 7 verzekeringen']);
    expect([
      en.contractsCount(1, 1),
      en.contractsCount(0, 1),
      en.contractsCount(2, 7),
    ]).to.deep.equal(['1 policy', '0 of 1 policy', '2 of 7 policies']);
  });

  it('reads language tags', () => {
    expect(toLang('en-GB')).to.equal('en');
    expect(toLang('NL')).to.equal('nl');
    expect(toLang('de')).to.equal(undefined);
  });

  it('resolves the language: own lang, then <anva-hub lang>, then the nearest lang, then nl', async () => {
    const outer = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <section><p></p></section>
      </div>`,
    );
    const p = outer.querySelector('p')!;
    expect(resolveLang(p)).to.equal('en');
    expect(resolveLang(p, 'nl')).to.equal('nl');
    p.setAttribute('lang', 'en');
    expect(resolveLang(p, 'nl')).to.equal('en');
    const plain = await fixture<HTMLDivElement>(html`<div></div>`);
    expect(resolveLang(plain)).to.equal(document.documentElement.lang === 'en' ? 'en' : 'nl');
    outer.setAttribute('lang', 'de');
    p.removeAttribute('lang');
    expect(resolveLang(p)).to.equal('nl');
  });

  it('finds the nearest lang across shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLang(inner)).to.equal('en');
  });

  it('lets brokers reword per key, page-wide and per element', () => {
    setMessages('nl', { signIn: 'Mijn polissen' });
    expect(messagesFor('nl').signIn).to.equal('Mijn polissen');
    expect(messagesFor('en').signIn).to.equal('Sign in');
    expect(messagesFor('nl', 'formal', { signIn: 'Naar Mijn Omgeving' }).signIn).to.equal(
      'Naar Mijn Omgeving',
    );
    expect(messagesFor('nl').signOut).to.equal('Uitloggen');
  });

  it('speaks u by default and je on request, in every Dutch text', () => {
    const formal = texts(messagesFor('nl'));
    const casual = texts(messagesFor('nl', 'informal'));
    expect(formal.filter((t) => INFORMAL.test(t))).to.deep.equal([]);
    expect(casual.filter((t) => FORMAL.test(t))).to.deep.equal([]);
    // Both tones are complete: every text that addresses the customer changed, nothing else did.
    const addressed = formal.filter((t) => FORMAL.test(t));
    expect(addressed.length).to.be.above(10);
    expect(casual.filter((t) => INFORMAL.test(t)).length).to.equal(addressed.length);
    expect(messagesFor('nl').signInToSee.account).to.equal('Log in om uw gegevens te bekijken.');
    expect(messagesFor('nl', 'informal').signInToSee.account).to.equal(
      'Log in om je gegevens te bekijken.',
    );
    expect(messagesFor('nl', 'informal').errors.forbidden).to.equal(
      'Je hebt geen toegang tot deze gegevens.',
    );
    expect(messagesFor('nl', 'informal').organizationsSeveral).to.equal('Je adviseurs');
  });

  it('leaves English as it is in either tone', () => {
    expect(messagesFor('en', 'informal')).to.deep.equal(messagesFor('en', 'formal'));
    expect(texts(messagesFor('en', 'informal'))).to.deep.equal(texts(en));
  });

  it('changes only the pronouns, and only whole words', () => {
    expect(informal('U bent uitgelogd. Controleer uw internet.')).to.equal(
      'Je bent uitgelogd. Controleer je internet.',
    );
    expect(informal('Uitvaart, duur, Uw')).to.equal('Uitvaart, duur, Je');
    expect(informal({ a: ['u'], b: 3 })).to.deep.equal({ a: ['je'], b: 3 });
  });

  it('resolves the tone: own tone, then <anva-hub tone>, then formal', async () => {
    const el = await fixture<HTMLDivElement>(html`<div></div>`);
    expect(resolveTone(el)).to.equal('formal');
    expect(resolveTone(el, 'informal')).to.equal('informal');
    el.setAttribute('tone', 'formal');
    expect(resolveTone(el, 'informal')).to.equal('formal');
    el.setAttribute('tone', 'casual');
    expect(resolveTone(el, 'informal')).to.equal('informal');
  });
});
