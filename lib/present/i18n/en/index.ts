/**
 * The English dictionary: every area's texts merged (keys are the Chinese texts). Loaded by the
 * server for a page rendered in English and handed to the client in the page's props (the Chinese
 * page carries none of it), and by lib code that renders English outside React (CSV headers, chart
 * images).
 */
import type { Dictionary } from '../translate';
import { EN_COMMON } from './common';
import { EN_DASHBOARD } from './dashboard';
import { EN_VIEWS } from './views';
import { EN_REPORT } from './report';
import { EN_AGENCY } from './agency';
import { EN_REVIEW } from './review';
import { EN_FORM } from './form';
import { EN_RULES } from './rules';

/** All English texts, keyed by Chinese; later areas do not override earlier ones' keys silently (i18n-keys.test.ts checks conflicts). */
export const EN_AREAS: Readonly<Record<string, Dictionary>> = {
  common: EN_COMMON,
  dashboard: EN_DASHBOARD,
  views: EN_VIEWS,
  report: EN_REPORT,
  agency: EN_AGENCY,
  review: EN_REVIEW,
  form: EN_FORM,
  rules: EN_RULES,
};

/** The merged English dictionary. */
export const EN: Dictionary = Object.assign({}, ...Object.values(EN_AREAS)) as Dictionary;
