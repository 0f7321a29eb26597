// The theme primitives every screen composes.
export { Badge } from './Badge';
export { Button } from './Button';
export { Card } from './Card';
export { Countdown } from './Countdown';
export { cx } from './cx';
export { EmptyState } from './EmptyState';
export { ErrorBanner } from './ErrorBanner';
export { InfiniteList } from './InfiniteList';
export { Input } from './Input';
export { Modal } from './Modal';
export { Select } from './Select';
export { Spinner } from './Spinner';
export { Tabs, type Tab } from './Tabs';
export { Textarea } from './Textarea';
export { ToastProvider, useToast } from './Toast';
