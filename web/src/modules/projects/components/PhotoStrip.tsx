import { App, Button, Flex, Image, Popconfirm, Typography, Upload, theme } from 'antd';
import { CameraOutlined, DeleteOutlined, EnvironmentOutlined, FieldTimeOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PhotoMeta, ProjectProgress } from '@lantu/core';
import { isApiError } from '../../../api/client';
import { photoUrl } from '../api';
import { useDeletePhoto, useUploadPhoto } from '../hooks';
import { useProjectError } from '../errors';
import { testId } from '../../../ui/testId';

const THUMB = 96;

/** Capture time and place read from the photo's EXIF, or a note that the photo has none. */
function PhotoFacts({ photo }: { photo: PhotoMeta }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const small = { fontSize: token.fontSizeSM, lineHeight: 1.4 };
  return (
    <div style={{ width: THUMB + 24 }} data-testid={`photo-exif-${photo.id}`}>
      <Typography.Text type="secondary" style={{ ...small, display: 'block' }} ellipsis={{ tooltip: photo.name }}>
        <FieldTimeOutlined /> {photo.takenAt ? dayjs(photo.takenAt).format('YYYY-MM-DD HH:mm') : t('projects.photos.noTime')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ ...small, display: 'block' }}>
        <EnvironmentOutlined /> {photo.lat !== null && photo.lng !== null ? `${photo.lat.toFixed(5)}, ${photo.lng.toFixed(5)}` : t('projects.photos.noGps')}
      </Typography.Text>
    </div>
  );
}

interface Props {
  row: ProjectProgress;
  canWrite: boolean;
}

/** A month's photos as thumbnails (click to enlarge) with their EXIF facts; writers add and remove photos. */
export function PhotoStrip({ row, canWrite }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const upload = useUploadPhoto();
  const remove = useDeletePhoto();
  const showError = useProjectError();

  const onUploadError = (err: unknown) => {
    if (isApiError(err) && err.code === 'unsupported_media_type') void message.error(t('projects.photos.unsupported'));
    else if (isApiError(err) && err.code === 'payload_too_large') void message.error(t('projects.photos.tooLarge'));
    else if (isApiError(err) && (err.details as { reason?: unknown } | undefined)?.reason === 'too_many_photos') {
      void message.error(t('projects.photos.tooMany', { limit: (err.details as { limit?: number }).limit ?? '' }));
    }
    else showError(err);
  };

  return (
    <Flex gap={token.marginSM} wrap align="flex-start" data-testid={`progress-photos-${row.period}`}>
      <Image.PreviewGroup>
        {row.photos.map((p) => (
          <Flex key={p.id} vertical gap={token.marginXXS} data-testid="progress-photo">
            <div style={{ position: 'relative', width: THUMB, height: THUMB }}>
              <Image src={photoUrl(p.id)} alt={p.name} width={THUMB} height={THUMB} style={{ objectFit: 'cover', borderRadius: token.borderRadius }} />
              {canWrite && (
                <Popconfirm
                  title={t('projects.photos.deleteConfirm')}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, ...testId('photo-delete-confirm') }}
                  onConfirm={() => remove.mutate(p.id, { onSuccess: () => void message.success(t('projects.photos.deleted')), onError: (err) => showError(err) })}
                >
                  <Button size="small" shape="circle" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} style={{ position: 'absolute', top: 4, insetInlineEnd: 4 }} data-testid="photo-delete" />
                </Popconfirm>
              )}
            </div>
            <PhotoFacts photo={p} />
          </Flex>
        ))}
      </Image.PreviewGroup>
      {canWrite && (
        <Upload
          accept="image/jpeg,image/png,image/webp"
          showUploadList={false}
          multiple
          customRequest={({ file, onSuccess, onError }) =>
            upload.mutate(
              { progressId: row.id, file: file as File },
              {
                onSuccess: (meta) => {
                  onSuccess?.(meta);
                  void message.success(t('projects.photos.uploaded', { name: meta.name }));
                },
                onError: (err) => {
                  onError?.(err as Error);
                  onUploadError(err);
                },
              },
            )
          }
        >
          <Button type="dashed" loading={upload.isPending} style={{ width: THUMB, height: THUMB }} data-testid={`progress-photo-upload-${row.period}`}>
            <Flex vertical align="center" gap={token.marginXXS}>
              {!upload.isPending && <CameraOutlined style={{ fontSize: token.fontSizeXL }} />}
              <span style={{ fontSize: token.fontSizeSM }}>{t('projects.photos.add')}</span>
            </Flex>
          </Button>
        </Upload>
      )}
      {!canWrite && row.photos.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
    </Flex>
  );
}
