/**
 * The Hub and API origins the web team pins on its script tag:
 *
 *     <script type="module" src=".../anva-widgets.js"
 *             data-anva-origins="https://login.example-hub.nl https://api.example-hub.nl"></script>
 *
 * A script tag is the one channel an editor's content cannot produce (CMSs
 * strip `<script>` from everyone who may not run scripts anyway), so a
 * configuration naming any other origin is refused, whoever wrote it.
 */
export function pinnedOrigins(): string[] | undefined {
  const scripts = [...document.querySelectorAll('script[data-anva-origins]')];
  if (!scripts.length) return undefined;
  return scripts.flatMap((script) =>
    (script.getAttribute('data-anva-origins') ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((origin) => {
        try {
          return new URL(origin).origin;
        } catch {
          return origin;
        }
      }),
  );
}
