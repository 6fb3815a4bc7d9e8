import { lazy, Suspense } from 'react';
import type { ResultProps } from 'antd';

// antd's Result carries large illustrations (403/404/500) for pages that are rarely seen: error,
// no access, not found. It loads when one is shown, not with every page.
const Result = lazy(() => import('antd/es/result'));

/** antd's Result, loaded on first use. */
export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <Result {...props} />
    </Suspense>
  );
}
