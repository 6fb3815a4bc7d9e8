/** `data-testid` for props objects antd types without data attributes (okButtonProps, …). */
export function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}
