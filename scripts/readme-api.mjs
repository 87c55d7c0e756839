/**
 * Writes the README's element reference from custom-elements.json, so the two
 * never drift; `--check` fails instead when the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

const START = '<!-- api:start (generated from custom-elements.json by `npm run analyze`) -->';
const END = '<!-- api:end -->';

const cell = (text) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => `\`${text}\``;

function table(heading, rows) {
  if (rows.length === 0) return '';
  const [head, ...body] = rows;
  return [
    `**${heading}**`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

/** The markdown for every element in the manifest, in tag order. */
export function renderReference(manifest) {
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  return elements
    .map((element) => {
      const attributes = (element.attributes ?? []).map((a) => [
        code(a.name),
        a.fieldName ? code(a.fieldName) : '',
        a.type?.text ? code(a.type.text) : '',
        a.default ? code(a.default) : '',
        a.description,
      ]);
      const events = (element.events ?? []).map((e) => [code(e.name), e.description]);
      const slots = (element.slots ?? []).map((s) => [code(s.name || '(default)'), s.description]);
      const parts = (element.cssParts ?? []).map((p) => [code(p.name), p.description]);
      const props = (element.cssProperties ?? []).map((p) => [
        code(p.name),
        p.default ? code(p.default) : '',
        p.description,
      ]);
      return [
        `### \`<${element.tagName}>\``,
        '',
        cell(element.summary ?? element.description),
        '',
        table('Attributes', [
          ['attribute', 'property', 'type', 'default', 'meaning'],
          ...attributes,
        ]),
        table('Events', [['event', 'when'], ...events]),
        table('Slots', [['slot', 'content'], ...slots]),
        table('Parts', [['part', 'what'], ...parts]),
        table('Custom properties', [['property', 'default', 'what'], ...props]),
      ]
        .filter((block) => block !== '')
        .join('\n');
    })
    .join('\n');
}

async function main() {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    console.error(`README.md lacks the markers ${START} … ${END}`);
    process.exit(1);
  }
  const joined = `${readme.slice(0, start + START.length)}\n\n${renderReference(manifest)}\n${readme.slice(end)}`;
  // Formatted as `npm run lint` wants it, so the check and Prettier agree.
  const options = await prettier.resolveConfig('README.md');
  const fresh = await prettier.format(joined, { ...options, parser: 'markdown' });
  if (process.argv.includes('--check')) {
    if (fresh !== readme) {
      console.error('README.md element reference is stale: run `npm run analyze` and commit.');
      process.exit(1);
    }
    console.log('README.md element reference is up to date.');
  } else if (fresh !== readme) {
    writeFileSync('README.md', fresh);
    console.log('README.md element reference updated.');
  }
}

await main();
