import { PagePlaceholder } from '../../components/PagePlaceholder';

export function AuditPage() {
  return <PagePlaceholder title="AuditPage" />;
}
