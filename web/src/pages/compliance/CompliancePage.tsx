import { PagePlaceholder } from '../../components/PagePlaceholder';

export function CompliancePage() {
  return <PagePlaceholder title="CompliancePage" />;
}
