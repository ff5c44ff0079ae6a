/**
 * npm run doctor: why would a verification email not come? A checklist of the
 * configuration, the services, the pool, the app client, the permissions and
 * the mail account, against whatever the configuration selects. Exits 1 on any ✗.
 */
import 'dotenv/config';
import { formatChecklist, hasFailures, runDoctor } from '../helpers/doctor.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

runDoctor().then(
  (results) => {
    console.log(formatChecklist(results));
    process.exit(hasFailures(results) ? 1 : 0);
  },
  (error: Error) => {
    console.error(`The doctor itself failed: ${error.message}`);
    process.exit(2);
  },
);
