/** Who the 代报 is for: a household of my roster, or 其他群众 — a name typed in, a phone if given, and the village. */
import { Input, Text, View } from '@tarojs/components';
import type { Household } from '@minqing/shared';
import VillagePicker from '../../../components/VillagePicker';

export interface Person {
  household: Pick<Household, 'id' | 'headName' | 'gridCode'> | null;
  name: string;
  phone: string;
  villageCode: string | null;
}

export interface HouseholdChoiceProps {
  roster: Household[];
  person: Person;
  onChange(person: Person): void;
  errorOf(field: string): string | undefined;
}

export default function HouseholdChoice({ roster, person, onChange, errorOf }: HouseholdChoiceProps) {
  const chosenId = person.household?.id ?? null;
  const error = (field: string) => {
    const message = errorOf(field);
    return message ? (
      <View className="onbehalf__error" role="alert">
        {message}
      </View>
    ) : null;
  };

  return (
    <View className="onbehalf__who">
      <View className="onbehalf__chips" role="radiogroup" aria-label="代哪位群众反映">
        {roster.map((household) => (
          <View
            key={household.id}
            className={`onbehalf__chip${household.id === chosenId ? ' onbehalf__chip--chosen' : ''}`}
            role="radio"
            aria-checked={household.id === chosenId}
            onClick={() =>
              onChange({ household, name: household.headName, phone: '', villageCode: household.gridCode.slice(0, 12) })
            }
          >
            {household.headName}
          </View>
        ))}
        <View
          className={`onbehalf__chip${chosenId === null ? ' onbehalf__chip--chosen' : ''}`}
          role="radio"
          aria-checked={chosenId === null}
          onClick={() => onChange({ ...person, household: null, name: person.household ? '' : person.name })}
        >
          其他群众
        </View>
      </View>
      {person.household ? (
        <Text className="onbehalf__meta">代 {person.household.headName} 反映，联系电话按住户名册</Text>
      ) : (
        <>
          <Text className="onbehalf__label">群众姓名（必填）</Text>
          <Input
            className="onbehalf__input"
            value={person.name}
            placeholder="如：李大爷"
            aria-label="群众姓名"
            onInput={(event) => onChange({ ...person, name: event.detail.value })}
          />
          {error('onBehalfOf.name')}
          <Text className="onbehalf__label">群众电话（可不填）</Text>
          <Input
            className="onbehalf__input"
            type="number"
            maxlength={11}
            value={person.phone}
            placeholder="填了，办理进展会发给群众"
            aria-label="群众电话"
            onInput={(event) => onChange({ ...person, phone: event.detail.value })}
          />
          {error('onBehalfOf.phone')}
          <Text className="onbehalf__label">所在村（社区）</Text>
          <VillagePicker
            value={person.villageCode}
            onChange={(villageCode) => onChange({ ...person, villageCode })}
            error={errorOf('villageCode')}
          />
        </>
      )}
    </View>
  );
}
