import { PagePlaceholder } from '../../components/PagePlaceholder';

export function DevelopmentPage() {
  return <PagePlaceholder title="DevelopmentPage" />;
}
