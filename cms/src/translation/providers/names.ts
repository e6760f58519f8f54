/** How readers and editors are told who translated ("generated automatically by …"), by provider id. */
export const PROVIDER_NAMES: Record<string, string> = { apertium: 'Apertium', azure: 'Microsoft Translator', deepl: 'DeepL' };
