import { useQuery } from '@tanstack/react-query';
import { ApiError, call, client } from '../api/client';
import type { Me } from '../api/models';

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await call(client.me.$get());
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
}
