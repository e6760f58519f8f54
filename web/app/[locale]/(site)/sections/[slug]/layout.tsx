import { entryLayout } from '@/lib/pages/entry-layout';

export default entryLayout('section');
