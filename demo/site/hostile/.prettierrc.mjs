/**
 * wordpress.html is malformed on purpose, exactly as WordPress's editor leaves a page
 * (`<p><anva-account></p><p></anva-account></p>`); Prettier cannot parse it, so it is only
 * formatted on request (pragma). Everything else here follows the project's settings.
 */
import project from '../../../.prettierrc.json' with { type: 'json' };

export default {
  ...project,
  overrides: [{ files: 'wordpress.html', options: { requirePragma: true } }],
};
