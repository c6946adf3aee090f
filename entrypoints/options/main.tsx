import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/shared/extension-page.css';
import '@/components/options/options.css';
import { openBackstoryDb } from '@/lib/db/schema';
import { t, uiLanguage } from '@/lib/i18n/t';

document.documentElement.lang = uiLanguage();
document.title = t('options_page_title');
createRoot(document.getElementById('root')!).render(<OptionsApp db={openBackstoryDb()} />);
