// Runs before every test file of the `main` project. Its files share their worker's modules
// (isolate: false, for speed), so module state one file sets would still be set in the next
// file the worker runs. Each file starts with what a fresh import gives instead: the app's
// scrypt cost (the temp core makes hashes cheap when it opens; secrets.test.ts pins the app's)
// and the default desk language (a core sets the desk's own when it opens).
import { cheapHashesForTests, SCRYPT_PARAMS } from '../auth/secrets';
import { setDeskLanguage } from '../../shared/i18n/desk-messages';
import { DEFAULT_LANGUAGE } from '../../shared/i18n/languages';

cheapHashesForTests(SCRYPT_PARAMS.N);
setDeskLanguage(DEFAULT_LANGUAGE);
