import { notifications } from '@mantine/notifications';
import { errorMessage } from '../client/client-error';

export const notifyOk = (message: string) => notifications.show({ message, color: 'green', autoClose: 3000 });
export const notifyError = (error: unknown) =>
  notifications.show({ message: errorMessage(error), color: 'red', autoClose: 8000 });
