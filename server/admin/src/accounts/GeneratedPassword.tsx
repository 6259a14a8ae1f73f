import { Alert, Button, Modal, Typography } from 'antd';

/** A password the server generated: shown this once, never again (the server keeps only its hash). */
export function GeneratedPassword({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open
      title="初始密码"
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="此密码只显示这一次，请当面或通过安全渠道告知本人；本人首次登录时须修改。"
      />
      <Typography.Paragraph>
        账号：<Typography.Text strong>{username}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>
        密码：
        <Typography.Text code copyable={{ text: password, tooltips: ['复制', '已复制'] }} style={{ fontSize: 18 }}>
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
