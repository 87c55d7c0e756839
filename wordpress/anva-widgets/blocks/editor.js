/**
 * The widgets' blocks in the block editor: presentational settings in the sidebar and a
 * preview of what the block will show. Title, icon and attributes come from the server
 * (register_block_type in includes/content.php), which also renders the block.
 */
(function (wp, words) {
  const { registerBlockType } = wp.blocks;
  const { createElement: h, Fragment } = wp.element;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { PanelBody, SelectControl, TextControl, RangeControl, CheckboxControl, Notice } =
    wp.components;

  const COLUMNS = ['type', 'contractNumber', 'description', 'provider', 'status'];

  /** Relative to this site, or http(s): the same rule the server applies when rendering. */
  const isSafeHref = (value) =>
    !value || (/^(\/(?!\/)|\?|https?:\/\/)/i.test(value) && !/[\s<>"'`\\]/.test(value));

  /** A choice with "as set for the site" first; that one leaves the attribute out. */
  const choice = (name, label, options, attributes, setAttributes) =>
    h(SelectControl, {
      key: name,
      label,
      value: attributes[name] || '',
      options: [{ value: '', label: words.siteDefault }, ...options],
      onChange: (value) => setAttributes({ [name]: value || undefined }),
    });

  /** The language settings every block has: attribute, label and choices, as keys of `words`. */
  const LANGUAGE_CHOICES = [
    { name: 'lang', label: 'language', options: { nl: 'dutch', en: 'english' } },
    { name: 'tone', label: 'tone', options: { formal: 'formal', informal: 'informal' } },
  ];

  const languageControls = (attributes, setAttributes) =>
    LANGUAGE_CHOICES.map(({ name, label, options }) =>
      choice(
        name,
        words[label],
        Object.entries(options).map(([value, word]) => ({ value, label: words[word] })),
        attributes,
        setAttributes,
      ),
    );

  const hrefControl = (name, label, help, attributes, setAttributes) =>
    h(TextControl, {
      key: name,
      label,
      help: isSafeHref(attributes[name]) ? help : words.invalidHref,
      value: attributes[name] || '',
      onChange: (value) => setAttributes({ [name]: value.trim() || undefined }),
    });

  const contractsControls = (attributes, setAttributes) => {
    const chosen = attributes.columns || [];
    return [
      h(
        'fieldset',
        { key: 'columns' },
        h('legend', null, words.columns),
        COLUMNS.map((column) =>
          h(CheckboxControl, {
            key: column,
            label: words.columnNames[column],
            checked: chosen.length === 0 || chosen.includes(column),
            onChange: (checked) => {
              const current = chosen.length === 0 ? COLUMNS : chosen;
              const next = COLUMNS.filter((c) => (c === column ? checked : current.includes(c)));
              setAttributes({ columns: next.length === COLUMNS.length ? undefined : next });
            },
          }),
        ),
      ),
      h(RangeControl, {
        key: 'pageSize',
        label: words.pageSize,
        min: 1,
        max: 100,
        allowReset: true,
        value: attributes.pageSize ? Number(attributes.pageSize) : undefined,
        onChange: (size) => setAttributes({ pageSize: size ? String(size) : undefined }),
      }),
      hrefControl('detailHref', words.detailHref, words.detailHelp, attributes, setAttributes),
    ];
  };

  const detailControls = (attributes, setAttributes) => [
    h(TextControl, {
      key: 'contractId',
      label: words.contractId,
      help: words.contractHelp,
      value: attributes.contractId || '',
      onChange: (value) => setAttributes({ contractId: value.trim() || undefined }),
    }),
    hrefControl('changeHref', words.changeHref, '', attributes, setAttributes),
    hrefControl('claimHref', words.claimHref, '', attributes, setAttributes),
  ];

  /** What the preview lists under the block's name: the settings that differ from the defaults. */
  const summary = (attributes) => {
    const lines = [];
    if (attributes.columns?.length)
      lines.push(
        `${words.columns}: ${attributes.columns.map((c) => words.columnNames[c]).join(', ')}`,
      );
    if (attributes.pageSize) lines.push(`${words.pageSize}: ${attributes.pageSize}`);
    if (attributes.detailHref) lines.push(`${words.detailHref}: ${attributes.detailHref}`);
    if (attributes.contractId) lines.push(`${words.contractId}: ${attributes.contractId}`);
    if (attributes.lang)
      lines.push(`${words.language}: ${attributes.lang === 'en' ? words.english : words.dutch}`);
    if (attributes.tone)
      lines.push(
        `${words.tone}: ${attributes.tone === 'informal' ? words.informal : words.formal}`,
      );
    return lines;
  };

  const blocks = {
    login: languageControls,
    contracts: (a, set) => [...contractsControls(a, set), ...languageControls(a, set)],
    'contract-detail': (a, set) => [...detailControls(a, set), ...languageControls(a, set)],
    account: languageControls,
  };

  for (const [widget, controls] of Object.entries(blocks)) {
    registerBlockType(`anva-widgets/${widget}`, {
      edit({ attributes, setAttributes, name }) {
        const type = wp.blocks.getBlockType(name);
        const blockProps = useBlockProps({ className: 'anva-widgets-preview' });
        return h(
          Fragment,
          null,
          h(
            InspectorControls,
            null,
            h(PanelBody, { title: words.settings }, controls(attributes, setAttributes)),
          ),
          h(
            'div',
            blockProps,
            words.notConfigured &&
              h(Notice, { status: 'warning', isDismissible: false }, words.notConfigured),
            h(
              'div',
              {
                style: {
                  border: '1px dashed currentColor',
                  borderRadius: '4px',
                  padding: '16px',
                },
              },
              h('strong', null, type.title),
              h('p', { style: { margin: '4px 0' } }, type.description),
              summary(attributes).map((line) =>
                h('p', { key: line, style: { margin: '2px 0', opacity: 0.8 } }, line),
              ),
              h('p', { style: { margin: '8px 0 0', fontStyle: 'italic' } }, words.previewNote),
            ),
          ),
        );
      },
      save: () => null,
    });
  }
})(window.wp, window.anvaWidgetsEditor);
