import { useRouteError } from 'react-router';
import { ErrorFallback } from './ErrorFallback';

/** Router errorElement: errors thrown while rendering or loading a route. */
export function RouteError() {
  const error = useRouteError();
  return <ErrorFallback error={error} />;
}
