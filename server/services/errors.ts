/**
 * An error the API reports to the client as is: 400 bad request, 401 not logged in, 403 not allowed,
 * 404 unknown, 409 conflicting state, 413 too large, 422 a file with errors, 429 too many attempts.
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) => new ApiError(400, message, field);
export const notFound = (message: string, field?: string) => new ApiError(404, message, field);
export const unauthorized = (message = 'Cần đăng nhập để thực hiện thao tác này') => new ApiError(401, message);
export const forbidden = (message: string) => new ApiError(403, message);
export const conflict = (message: string) => new ApiError(409, message);
