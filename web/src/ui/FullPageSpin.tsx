import { Flex, Spin } from 'antd';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }} data-testid="page-loading">
      <Spin size="large" />
    </Flex>
  );
}

export function BlockSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }} data-testid="block-loading">
      <Spin />
    </Flex>
  );
}
