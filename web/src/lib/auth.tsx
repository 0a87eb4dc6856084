/**
 * Who is signed in: the user from /api/auth/me (with the CSRF token of the session), login and logout. Roles decide
 * the home page only; what a user may see and change is decided by the server, never re-derived here.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, get, post, setCsrfToken } from './api';
import type { UserView } from './types';

interface AuthState {
  user: UserView | null;
  loading: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserView | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    get<{ user: UserView; csrfToken: string | null }>('/auth/me')
      .then((me) => {
        setCsrfToken(me.csrfToken);
        setUser(me.user);
      })
      .catch((err: unknown) => {
        if (!(err instanceof ApiError) || err.status !== 401) console.error(err);
        setUser(null);
      })
      .finally(() => setLoading(false));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const res = await post<{ user: UserView; csrfToken: string }>('/auth/login', { username, password });
    setCsrfToken(res.csrfToken);
    setUser(res.user);
  }, []);

  const logout = useCallback(async () => {
    try {
      await post('/auth/logout', {});
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, loading, login, logout }), [user, loading, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The user's own organization code, or null for a system administrator above every organization. */
export function homeOrg(user: UserView | null): string | null {
  return user?.orgCode ?? null;
}

/** A branch secretary works from the desk; the county and townships from the dashboard. */
export function isBranchUser(user: UserView | null): boolean {
  return !!user && user.roles.includes('secretary') && !user.roles.includes('org_admin') && !user.roles.includes('admin');
}
