import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('mandatory_subject')
export class MandatorySubjectEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('smallint', { name: 'renewal_months' }) renewalMonths!: number;
}
