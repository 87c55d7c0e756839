/**
 * Switches zod to jitless mode, so strict-CSP pages never see a `new Function`
 * violation. Every module that declares a schema imports this first.
 */
import { config } from 'zod/mini';

config({ jitless: true });
