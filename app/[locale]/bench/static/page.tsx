import { cachedPageLocale, type LocaleParams } from '../../_lib/cached-page';
import { FloorPage } from '../floor-page';

export { generateStaticParams } from '../../_lib/cached-page';

export const dynamic = 'force-static';
export const metadata = { robots: { index: false } };

export default async function StaticFloor({ params }: LocaleParams) {
  await cachedPageLocale(params);
  return <FloorPage variant="static" />;
}
