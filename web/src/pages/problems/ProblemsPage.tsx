import { PagePlaceholder } from '../../components/PagePlaceholder';

export function ProblemsPage() {
  return <PagePlaceholder title="ProblemsPage" />;
}
