import type { SupportedLocale } from '@seatkit/core/contract';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { it } from './it.js';
import { ja } from './ja.js';
import type { EmailMessages } from './messages.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { ptBR } from './pt-BR.js';
import { zhCN } from './zh-CN.js';

/** The emails' catalog of every supported locale (a server loads them all: it writes to every organization). */
export const EMAIL_CATALOGS: Readonly<Record<SupportedLocale, EmailMessages>> = {
  en,
  fr,
  de,
  es,
  'pt-BR': ptBR,
  it,
  nl,
  pl,
  ja,
  'zh-CN': zhCN,
  ar,
  he,
};
