import { PagePlaceholder } from '../../components/PagePlaceholder';

export function ImportPage() {
  return <PagePlaceholder title="ImportPage" />;
}
