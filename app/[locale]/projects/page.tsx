import { cachedPageLocale, type LocaleParams } from '../_lib/cached-page';
import { ProjectList } from './project-list';

export { generateStaticParams } from '../_lib/cached-page';

export default async function ProjectsPage({ params }: LocaleParams) {
  await cachedPageLocale(params);
  return <ProjectList page={1} />;
}
