/** 发展党员: the pipeline of the chosen organization (list) and each person's timeline of the procedure (/development/:id). */
import { Route, Routes } from 'react-router-dom';
import { DevelopmentList } from './DevelopmentList';
import { DevelopmentDetail } from './DevelopmentDetail';

export function DevelopmentPage() {
  return (
    <Routes>
      <Route index element={<DevelopmentList />} />
      <Route path=":id" element={<DevelopmentDetail />} />
    </Routes>
  );
}
