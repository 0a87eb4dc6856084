import { PagePlaceholder } from '../../components/PagePlaceholder';

export function RecordsPage() {
  return <PagePlaceholder title="RecordsPage" />;
}
