/**
 * The one zod entry the core uses: the small `zod/mini` build, switched to
 * jitless mode so strict-CSP pages never see a `new Function` violation.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
