import { cachedPageLocale } from '../../../_lib/cached-page';
import { ProjectList } from '../../project-list';

export { generateStaticParams } from '../../../_lib/cached-page';

export default async function ProjectsPageN({ params }: { params: Promise<{ locale: string; page: string }> }) {
  await cachedPageLocale(params);
  const page = Number((await params).page);
  return <ProjectList page={page} />;
}
