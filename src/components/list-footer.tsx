import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './list-footer.scss';

/** 「加载更多」 while there is a next page; the error of a failed "more" stays above it. */
export function ListFooter(props: { hasMore: boolean; loadingMore: boolean; moreError: string | null; loadMore: () => Promise<void> }) {
  return (
    <View className='list-footer'>
      {props.moreError ? <Text className='error-text list-footer__error'>{props.moreError}</Text> : null}
      {props.hasMore ? (
        <Button block loading={props.loadingMore} disabled={props.loadingMore} onClick={() => void props.loadMore()}>
          加载更多
        </Button>
      ) : (
        <Text className='muted'>没有更多了</Text>
      )}
    </View>
  );
}
