import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { AppLayout, HomeRedirect } from './layout/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { DeskPage } from './pages/desk/DeskPage';
import { CompliancePage } from './pages/compliance/CompliancePage';
import { MeetingsPage } from './pages/meetings/MeetingsPage';
import { MembersPage } from './pages/members/MembersPage';
import { DevelopmentPage } from './pages/development/DevelopmentPage';
import { ProblemsPage } from './pages/problems/ProblemsPage';
import { RecordsPage } from './pages/records/RecordsPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { ImportPage } from './pages/import/ImportPage';
import { UsersPage } from './pages/admin/UsersPage';
import { AuditPage } from './pages/admin/AuditPage';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'desk', element: <DeskPage /> },
      { path: 'compliance', element: <CompliancePage /> },
      { path: 'meetings/*', element: <MeetingsPage /> },
      { path: 'members/*', element: <MembersPage /> },
      { path: 'development/*', element: <DevelopmentPage /> },
      { path: 'problems/*', element: <ProblemsPage /> },
      { path: 'records/*', element: <RecordsPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
