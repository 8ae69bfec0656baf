/**
 * The admin page's own script (bundled to /admin/admin.js by
 * src/integrations/admin.ts): registers the lossless formats with the CMS,
 * then starts it with the generated configuration. /admin/manual-init.js,
 * loaded before the CMS, has told it to wait for this.
 *
 * Local mode: the CMS talks to decap-server (npm run cms), which reads and
 * writes the files of this checkout. `?proxy_port=<port>` points it at a
 * proxy on another port of localhost (the browser test runs its own).
 */
import { parse } from 'yaml';
import configText from '../admin/config.yml';
import rules from '../admin/save-rules.json';
import { registerFormats } from './formats';

interface DecapCms {
  registerCustomFormat: Parameters<typeof registerFormats>[0]['registerCustomFormat'];
  init(options: { config: Record<string, unknown> }): void;
}

const cms = (window as unknown as { CMS: DecapCms }).CMS;
const config = parse(configText) as Record<string, unknown> & { collections: { name: string; format: string; extension: string }[] };
registerFormats(cms, rules, config.collections);
const port = new URLSearchParams(location.search).get('proxy_port');
cms.init({
  config: { ...config, load_config_file: false, local_backend: port && /^\d{2,5}$/.test(port) ? { url: `http://localhost:${port}/api/v1` } : true },
});
